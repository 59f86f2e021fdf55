package io.github.mcpclient.auth;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the client uses of a protected resource's metadata (RFC 9728).
 *
 * @param location where it was found
 * @param resource the resource identifier it describes
 * @param authorizationServers the issuers of the authorization servers it trusts
 * @param scopes the scopes it lists
 */
record ProtectedResourceMetadata(URI location, String resource, List<String> authorizationServers,
		List<String> scopes) {

	static @Nullable ProtectedResourceMetadata of(URI location, Map<String, Object> document) {
		if (!(document.get("resource") instanceof String resource)) {
			return null;
		}
		return new ProtectedResourceMetadata(location, resource,
				AuthorizationServerMetadata.strings(document.get("authorization_servers")),
				AuthorizationServerMetadata.strings(document.get("scopes_supported")));
	}

}
