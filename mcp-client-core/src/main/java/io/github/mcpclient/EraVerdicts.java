package io.github.mcpclient;

import java.net.URI;

import io.github.mcpclient.protocol.Era;
import org.jspecify.annotations.Nullable;

/**
 * Which protocol era each server origin turned out to speak, so that an origin is probed
 * once rather than on every new connection. The default keeps verdicts in memory; an
 * application may share them between replicas with its own implementation.
 *
 * @since 0.1.0
 */
public interface EraVerdicts {

	/**
	 * A new, empty in-memory store.
	 * @return the store
	 */
	static EraVerdicts inMemory() {
		return new InMemoryEraVerdicts();
	}

	/**
	 * The era the server at a URL's origin was found to speak.
	 * @param url any URL of the origin
	 * @return the era, or {@code null} if not known
	 */
	@Nullable Era get(URI url);

	/**
	 * Remember the era of a URL's origin.
	 * @param url any URL of the origin
	 * @param era the era the server speaks
	 */
	void remember(URI url, Era era);

	/**
	 * Forget what was known of an origin, so that the next connection probes again.
	 * @param url any URL of the origin
	 */
	void forget(URI url);

}
