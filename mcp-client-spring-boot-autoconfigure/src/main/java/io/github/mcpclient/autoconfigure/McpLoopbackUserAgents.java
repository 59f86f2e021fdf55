package io.github.mcpclient.autoconfigure;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.mcpclient.auth.AuthorizationCallback;
import io.github.mcpclient.auth.AuthorizationCodeUserAgent;
import io.github.mcpclient.auth.LoopbackUserAgent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The user agents of the authorization-code connections of an application that is not a
 * web application, such as a command-line tool: each listens on a loopback port for the
 * callback, from its first authorization on, and the user's browser is opened on the
 * authorization URL. Without a desktop (Boot applications run headless by default) the
 * URL is logged for the user to open.
 */
final class McpLoopbackUserAgents implements DisposableBean {

	private static final Log logger = LogFactory.getLog(McpLoopbackUserAgents.class);

	private final @Nullable AuthorizationCodeUserAgent applicationUserAgent;

	private final LoopbackUserAgent.@Nullable Browser browser;

	private final Duration timeout;

	private final List<Lazy> started = new CopyOnWriteArrayList<>();

	/**
	 * @param applicationUserAgent the application's own user agent, used by every
	 * connection when given
	 * @param browser opens the authorization URL, or {@code null} for the desktop's
	 * browser, else a log line
	 * @param timeout how long a user has to authorize
	 */
	McpLoopbackUserAgents(@Nullable AuthorizationCodeUserAgent applicationUserAgent,
			LoopbackUserAgent.@Nullable Browser browser, Duration timeout) {
		this.applicationUserAgent = applicationUserAgent;
		this.browser = browser;
		this.timeout = timeout;
	}

	/**
	 * The user agent of one connection.
	 * @param settings the connection's authorization settings
	 * @return the user agent, not listening until it is first asked for its redirect URI
	 * @throws InvalidConfigurationPropertyValueException if the configured redirect URI
	 * is not on a loopback address
	 */
	AuthorizationCodeUserAgent forConnection(McpAuthorizationSettings settings) {
		if (this.applicationUserAgent != null) {
			return this.applicationUserAgent;
		}
		URI redirectUri = redirectUri(settings);
		String connection = settings.connectionName();
		LoopbackUserAgent.Browser opener = (this.browser != null) ? this.browser : (url) -> open(connection, url);
		return new Lazy(redirectUri, opener);
	}

	private URI redirectUri(McpAuthorizationSettings settings) {
		String configured = settings.redirectUri();
		if (configured == null) {
			return URI.create("http://127.0.0.1/callback");
		}
		try {
			return LoopbackUserAgent.requireLoopback(new URI(configured));
		}
		catch (java.net.URISyntaxException | IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(settings.property() + "redirect-uri", configured,
					"An application that is not a web application receives the authorization callback on this "
							+ "machine: use an 'http' URI on a loopback address, such as "
							+ "'http://127.0.0.1:8765/callback'.");
		}
	}

	private static void open(String connection, URI url) throws java.io.IOException {
		if (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
				&& Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
			Desktop.getDesktop().browse(url);
			return;
		}
		// The URL carries no secret: its state and PKCE challenge are useless without the
		// verifier, which never leaves the client.
		logger.warn("MCP connection '" + connection + "' needs your authorization: open " + url + " in a browser");
	}

	@Override
	public void destroy() {
		this.started.forEach(Lazy::close);
	}

	/**
	 * A loopback user agent that starts listening when first needed, so that an
	 * application that never authorizes never opens a port.
	 */
	private final class Lazy implements AuthorizationCodeUserAgent {

		private final URI redirectUri;

		private final LoopbackUserAgent.Browser browser;

		private volatile @Nullable LoopbackUserAgent userAgent;

		Lazy(URI redirectUri, LoopbackUserAgent.Browser browser) {
			this.redirectUri = redirectUri;
			this.browser = browser;
		}

		@Override
		public URI redirectUri() {
			return userAgent().redirectUri();
		}

		@Override
		public Mono<AuthorizationCallback> authorize(URI authorizationUrl) {
			return userAgent().authorize(authorizationUrl);
		}

		private LoopbackUserAgent userAgent() {
			LoopbackUserAgent current = this.userAgent;
			if (current == null) {
				synchronized (this) {
					current = this.userAgent;
					if (current == null) {
						current = LoopbackUserAgent.start(this.redirectUri, this.browser,
								McpLoopbackUserAgents.this.timeout);
						this.userAgent = current;
						McpLoopbackUserAgents.this.started.add(this);
					}
				}
			}
			return current;
		}

		void close() {
			LoopbackUserAgent current = this.userAgent;
			if (current != null) {
				current.close();
			}
		}

	}

}
