package io.github.mcpclient;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.mcpclient.protocol.Era;
import org.jspecify.annotations.Nullable;

/**
 * Era verdicts in a map keyed by origin (scheme, host and port).
 */
final class InMemoryEraVerdicts implements EraVerdicts {

	private final Map<String, Era> verdicts = new ConcurrentHashMap<>();

	@Override
	public @Nullable Era get(URI url) {
		return this.verdicts.get(origin(url));
	}

	@Override
	public void remember(URI url, Era era) {
		this.verdicts.put(origin(url), era);
	}

	@Override
	public void forget(URI url) {
		this.verdicts.remove(origin(url));
	}

	static String origin(URI url) {
		String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
		int port = (url.getPort() != -1) ? url.getPort() : ("https".equals(scheme) ? 443 : 80);
		return scheme + "://" + String.valueOf(url.getHost()).toLowerCase(Locale.ROOT) + ":" + port;
	}

	@Override
	public String toString() {
		return "InMemoryEraVerdicts" + this.verdicts;
	}

}
