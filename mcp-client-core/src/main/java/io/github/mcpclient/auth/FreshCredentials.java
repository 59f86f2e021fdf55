package io.github.mcpclient.auth;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The credentials an authorization has just handed out after running its flow, known by
 * identity: a request refused with one of them has already been authorized again, so it
 * gives up rather than loop. Bounded: old entries go first.
 */
final class FreshCredentials {

	private static final int LIMIT = 256;

	private final Set<McpCredentials> credentials = Collections.newSetFromMap(new IdentityHashMap<>());

	synchronized McpCredentials add(McpCredentials fresh) {
		if (this.credentials.size() >= LIMIT) {
			this.credentials.clear();
		}
		this.credentials.add(fresh);
		return fresh;
	}

	synchronized boolean contains(McpCredentials sent) {
		return this.credentials.contains(sent);
	}

}
