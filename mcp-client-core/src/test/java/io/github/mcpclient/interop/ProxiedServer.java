package io.github.mcpclient.interop;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

import io.github.mcpclient.interop.RecordingProxy.Exchange;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link RecordingProxy} in front of a test class's server, shared by its tests: each
 * test starts with an empty recording, and the proxy stops after the last test.
 * <p>
 * Use it as a static {@code @RegisterExtension} field next to the server's own:
 * <pre class="code">
 * &#064;RegisterExtension
 * static final NodeMcpServer server = NodeMcpServer.sdkV1("stateful");
 *
 * &#064;RegisterExtension
 * static final ProxiedServer proxy = ProxiedServer.to(server::baseUri);
 * </pre>
 */
final class ProxiedServer implements BeforeEachCallback, AfterAllCallback {

	private final Supplier<URI> server;

	private @Nullable RecordingProxy proxy;

	private ProxiedServer(Supplier<URI> server) {
		this.server = server;
	}

	/**
	 * A proxy to a server that a test class starts as an extension of its own.
	 * @param server the server's scheme, host and port, known once it has started
	 * @return the proxy, not yet started
	 */
	static ProxiedServer to(Supplier<URI> server) {
		return new ProxiedServer(server);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		// Started before the first test rather than before all of them: JUnit leaves the
		// order of two extensions' beforeAll open, and only by now is the server surely
		// up.
		if (this.proxy == null) {
			this.proxy = RecordingProxy.to(this.server.get());
		}
		else {
			this.proxy.clear();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.proxy != null) {
			this.proxy.close();
			this.proxy = null;
		}
	}

	/**
	 * The proxy's address for a path on the server.
	 * @param path the path, such as {@code /mcp}
	 * @return the URL to give the client
	 */
	URI url(String path) {
		return proxy().url(path);
	}

	/**
	 * The exchanges recorded since the test started or last called {@link #clear()}.
	 * @return the exchanges, in the order the requests arrived
	 * @see RecordingProxy#exchanges()
	 */
	List<Exchange> exchanges() {
		return proxy().exchanges();
	}

	/**
	 * Whether the server has answered a client's listening GET stream since the test
	 * started or last called {@link #clear()}.
	 * @return {@code true} once a listening stream is open
	 * @see RecordingProxy#listeningStreamAnswered()
	 */
	boolean listeningStreamAnswered() {
		return proxy().listeningStreamAnswered();
	}

	void clear() {
		proxy().clear();
	}

	private RecordingProxy proxy() {
		if (this.proxy == null) {
			throw new IllegalStateException("The proxy starts before each test; register it with @RegisterExtension");
		}
		return this.proxy;
	}

}
