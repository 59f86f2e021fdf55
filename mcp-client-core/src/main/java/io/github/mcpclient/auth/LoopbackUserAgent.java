package io.github.mcpclient.auth;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * The user agent of a command-line or desktop application: opens the authorization URL in
 * the user's browser and receives the callback on a loopback port of this machine (RFC
 * 8252), which is why such clients register with {@code application_type=native}. Close
 * it when the application no longer authorizes. <pre class="code">
 * LoopbackUserAgent userAgent = LoopbackUserAgent.start((url) -&gt; Desktop.getDesktop().browse(url));
 * </pre>
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8252#section-7.3">RFC 8252, loopback
 * redirection</a>
 * @since 0.2.0
 */
public final class LoopbackUserAgent implements AuthorizationCodeUserAgent, AutoCloseable {

	private static final String DEFAULT_PATH = "/callback";

	private static final byte[] DONE = "<!doctype html><title>Authorized</title><p>You may close this window."
		.getBytes(StandardCharsets.UTF_8);

	private final HttpServer server;

	private final URI redirectUri;

	private final Browser browser;

	private final Duration timeout;

	private final Map<String, Sinks.One<AuthorizationCallback>> pending = new ConcurrentHashMap<>();

	private LoopbackUserAgent(HttpServer server, String host, String path, Browser browser, Duration timeout) {
		this.server = server;
		this.browser = browser;
		this.timeout = timeout;
		this.redirectUri = URI.create("http://" + host + ":" + server.getAddress().getPort() + path);
		server.createContext(path, this::callback);
		server.start();
	}

	/**
	 * Listen on a free loopback port; users get five minutes to authorize.
	 * @param browser opens a URL in the user's browser
	 * @return the user agent, listening
	 */
	public static LoopbackUserAgent start(Browser browser) {
		return start(browser, Duration.ofMinutes(5));
	}

	/**
	 * Listen on a free loopback port.
	 * @param browser opens a URL in the user's browser
	 * @param timeout how long a user has to authorize
	 * @return the user agent, listening
	 */
	public static LoopbackUserAgent start(Browser browser, Duration timeout) {
		return start(URI.create("http://127.0.0.1" + DEFAULT_PATH), browser, timeout);
	}

	/**
	 * Listen where a registered redirect URI points, for authorization servers that
	 * compare the path (or the whole URI) with the client's registration.
	 * @param redirectUri an {@code http} URI on a loopback address, such as
	 * {@code http://127.0.0.1:8765/callback}; without a port (or with port 0) a free port
	 * is taken, as RFC 8252 has authorization servers accept for loopback addresses
	 * @param browser opens a URL in the user's browser
	 * @param timeout how long a user has to authorize
	 * @return the user agent, listening
	 * @throws IllegalArgumentException if the URI is not {@code http} on a loopback
	 * address
	 */
	public static LoopbackUserAgent start(URI redirectUri, Browser browser, Duration timeout) {
		InetAddress address = loopback(redirectUri);
		String path = (redirectUri.getRawPath() != null && !redirectUri.getRawPath().isEmpty())
				? redirectUri.getRawPath() : DEFAULT_PATH;
		int port = Math.max(redirectUri.getPort(), 0);
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
			return new LoopbackUserAgent(server, redirectUri.getHost(), path, browser, timeout);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not listen on " + address.getHostAddress() + ":" + port, ex);
		}
	}

	/**
	 * Check that a redirect URI keeps the callback on this machine, without resolving any
	 * name: {@code http} on {@code 127.0.0.1} (or another {@code 127.x} address),
	 * {@code [::1]} or {@code localhost}, with no query.
	 * @param redirectUri the redirect URI
	 * @return the same URI
	 * @throws IllegalArgumentException if it could take the callback elsewhere
	 */
	public static URI requireLoopback(URI redirectUri) {
		String host = (redirectUri.getHost() != null) ? redirectUri.getHost().toLowerCase(Locale.ROOT) : null;
		boolean loopback = host != null
				&& (host.equals("localhost") || host.equals("[::1]") || host.matches("127(\\.\\d{1,3}){3}"));
		if (!"http".equalsIgnoreCase(redirectUri.getScheme()) || !loopback || redirectUri.getRawQuery() != null) {
			throw new IllegalArgumentException("A loopback redirect URI is 'http' on 127.0.0.1, [::1] or localhost "
					+ "with no query, such as 'http://127.0.0.1:8765/callback', not '" + redirectUri
					+ "': the callback must never leave this machine");
		}
		return redirectUri;
	}

	private static InetAddress loopback(URI redirectUri) {
		requireLoopback(redirectUri);
		try {
			return InetAddress.getByName(redirectUri.getHost());
		}
		catch (java.net.UnknownHostException ex) {
			throw new IllegalArgumentException("Unknown host in the redirect URI '" + redirectUri + "'", ex);
		}
	}

	@Override
	public URI redirectUri() {
		return this.redirectUri;
	}

	@Override
	public Mono<AuthorizationCallback> authorize(URI authorizationUrl) {
		String state = AuthorizationCallback.fromRedirect(authorizationUrl).state();
		if (state == null) {
			return Mono.error(new IllegalArgumentException("The authorization URL has no state"));
		}
		Sinks.One<AuthorizationCallback> callback = Sinks.one();
		this.pending.put(state, callback);
		return Mono.fromRunnable(() -> open(authorizationUrl))
			.subscribeOn(Schedulers.boundedElastic())
			.then(callback.asMono())
			.timeout(this.timeout)
			.doFinally((signal) -> this.pending.remove(state));
	}

	private void open(URI url) {
		try {
			this.browser.open(url);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not open the browser", ex);
		}
	}

	private void callback(HttpExchange exchange) throws IOException {
		try (exchange) {
			AuthorizationCallback callback = AuthorizationCallback.fromRedirect(exchange.getRequestURI());
			Sinks.One<AuthorizationCallback> waiting = (callback.state() != null)
					? this.pending.remove(callback.state()) : null;
			if (waiting == null) {
				exchange.sendResponseHeaders(400, -1);
				return;
			}
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, DONE.length);
			try (OutputStream body = exchange.getResponseBody()) {
				body.write(DONE);
			}
			waiting.tryEmitValue(callback);
		}
	}

	/**
	 * Stop listening.
	 */
	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * Opens a URL in the user's browser, for instance with {@code java.awt.Desktop}.
	 *
	 * @since 0.2.0
	 */
	@FunctionalInterface
	public interface Browser {

		/**
		 * Open the URL.
		 * @param url the authorization URL
		 * @throws IOException if no browser could be opened
		 */
		void open(URI url) throws IOException;

	}

}
