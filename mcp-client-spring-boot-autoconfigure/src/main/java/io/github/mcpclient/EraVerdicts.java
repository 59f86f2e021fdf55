package io.github.mcpclient;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.mcpclient.protocol.Era;
import org.jspecify.annotations.Nullable;

/**
 * Which protocol era each server origin turned out to speak, so that a process probes
 * an origin once rather than on every new connection.
 */
public final class EraVerdicts {

	private static final EraVerdicts SHARED = new EraVerdicts();

	private final Map<String, Era> verdicts = new ConcurrentHashMap<>();

	/**
	 * The verdicts shared by every client of this process.
	 * @return the shared instance
	 */
	public static EraVerdicts shared() {
		return SHARED;
	}

	/**
	 * The era the server at a URL's origin was found to speak.
	 * @param url any URL of the origin
	 * @return the era, or {@code null} if not known
	 */
	public @Nullable Era get(URI url) {
		return this.verdicts.get(origin(url));
	}

	/**
	 * Remember the era of a URL's origin.
	 * @param url any URL of the origin
	 * @param era the era the server speaks
	 */
	public void remember(URI url, Era era) {
		this.verdicts.put(origin(url), era);
	}

	/**
	 * Forget what was known of an origin, so that the next connection probes again.
	 * @param url any URL of the origin
	 */
	public void forget(URI url) {
		this.verdicts.remove(origin(url));
	}

	static String origin(URI url) {
		String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
		int port = (url.getPort() != -1) ? url.getPort() : ("https".equals(scheme) ? 443 : 80);
		return scheme + "://" + String.valueOf(url.getHost()).toLowerCase(Locale.ROOT) + ":" + port;
	}

}
