package io.github.mcpclient.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real MCP server in a Node.js process on a free loopback port: started before a test
 * class's first test (after checking that the tools are installed) and killed after its
 * last, or when the JVM exits. Its output is kept for failure messages.
 * <p>
 * Use it as a static {@code @RegisterExtension} field, or start and close it by hand.
 */
final class NodeMcpServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

	private static final int OUTPUT_LINES = 300;

	private static final Set<Process> running = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> running.forEach(NodeMcpServer::kill), "node-mcp-server-reaper"));
	}

	private final String name;

	private final Supplier<List<String>> command;

	private final String path;

	private final Runnable requirement;

	private final Deque<String> output = new ArrayDeque<>();

	private int port;

	private @Nullable Process process;

	private NodeMcpServer(String name, Supplier<List<String>> command, String path, Runnable requirement) {
		this.name = name;
		this.command = command;
		this.path = path;
		this.requirement = requirement;
	}

	/**
	 * Our server on the TypeScript SDK v1 ({@code src/test/node/sdk-v1-server.mjs}).
	 * @param mode {@code stateful}, {@code json} or {@code stateless}
	 * @return the server, not yet started
	 */
	static NodeMcpServer sdkV1(String mode) {
		return new NodeMcpServer("sdk-v1-" + mode,
				() -> List.of(node(), TestTools.serverScript("sdk-v1-server.mjs").toString(), mode), "/mcp",
				TestTools::requireLegacyServers);
	}

	/**
	 * Our server on the TypeScript SDK v2 ({@code src/test/node/sdk-v2-server.mjs}),
	 * which speaks the modern era (2026-07-28).
	 * @param mode {@code modern} (modern era only: a legacy {@code initialize} gets
	 * 400/-32022) or {@code dual} (also answers legacy requests, statelessly)
	 * @return the server, not yet started
	 */
	static NodeMcpServer sdkV2(String mode) {
		return new NodeMcpServer("sdk-v2-" + mode,
				() -> List.of(node(), TestTools.serverScript("sdk-v2-server.mjs", TestTools.MODERN).toString(), mode),
				"/mcp", TestTools::requireModernServers);
	}

	/**
	 * The reference server {@code @modelcontextprotocol/server-everything} over
	 * Streamable HTTP.
	 * @return the server, not yet started
	 */
	static NodeMcpServer everything() {
		return new NodeMcpServer("server-everything",
				() -> List.of(node(),
						TestTools.packageDir(TestTools.SERVER_EVERYTHING).resolve("dist/index.js").toString(),
						"streamableHttp"),
				"/mcp", TestTools::requireLegacyServers);
	}

	private static String node() {
		Path node = TestTools.node();
		if (node == null) {
			throw new IllegalStateException("'node' is not on the PATH");
		}
		return node.toString();
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.requirement.run();
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	/**
	 * Start the server on a free port and wait until it accepts connections.
	 */
	synchronized void start() {
		IllegalStateException failure = null;
		// A port found free can be taken before node binds it; try another then.
		for (int attempt = 0; attempt < 3; attempt++) {
			this.port = freePort();
			try {
				launch();
				return;
			}
			catch (IllegalStateException ex) {
				failure = ex;
				if (!portTaken()) {
					break;
				}
			}
		}
		throw failure;
	}

	/**
	 * Kill the server and start it again on the same port: every session it had is gone.
	 */
	synchronized void restart() {
		stop();
		launch();
	}

	/**
	 * Bring a stopped server back on the port it had.
	 */
	synchronized void relaunch() {
		launch();
	}

	/**
	 * Kill the server; {@link #start()} or {@link #restart()} brings it back.
	 */
	synchronized void stop() {
		Process current = this.process;
		this.process = null;
		if (current != null) {
			kill(current);
			running.remove(current);
		}
	}

	@Override
	public void close() {
		stop();
	}

	URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.port + this.path);
	}

	URI baseUri() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	int port() {
		return this.port;
	}

	/**
	 * What the server printed lately, for diagnostics.
	 * @return the last lines of its output
	 */
	String output() {
		synchronized (this.output) {
			return String.join("\n", this.output);
		}
	}

	private boolean portTaken() {
		String printed = output();
		return printed.contains("EADDRINUSE") || printed.contains("already in use");
	}

	@Override
	public String toString() {
		return this.name + " on port " + this.port;
	}

	private void launch() {
		List<String> cmd = new ArrayList<>(this.command.get());
		ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
		// Servers get no more of our environment than they need (server-everything has a
		// tool that prints its whole environment).
		Map<String, String> environment = builder.environment();
		environment.keySet().retainAll(Set.of("PATH", "HOME", "TMPDIR", "LANG"));
		environment.put("PORT", Integer.toString(this.port));
		environment.put("NODE_ENV", "test");
		Process started;
		try {
			started = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + cmd, ex);
		}
		running.add(started);
		this.process = started;
		Thread pump = new Thread(() -> pump(started), "node-" + this.name + "-output");
		pump.setDaemon(true);
		pump.start();
		awaitListening(started);
	}

	private void awaitListening(Process started) {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		long pause = 10;
		while (System.nanoTime() < deadline) {
			if (!started.isAlive()) {
				running.remove(started);
				throw new IllegalStateException(this.name + " exited with code " + started.exitValue()
						+ " before listening on port " + this.port + "; output:\n" + output());
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 250);
				return;
			}
			catch (IOException notYet) {
				// Poll with a short, growing pause rather than guessing how long node
				// takes.
				sleep(pause);
				pause = Math.min(pause * 2, 200);
			}
		}
		kill(started);
		running.remove(started);
		throw new IllegalStateException(this.name + " did not listen on port " + this.port + " within "
				+ STARTUP_TIMEOUT.toSeconds() + " s; output:\n" + output());
	}

	private void pump(Process source) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(source.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				synchronized (this.output) {
					if (this.output.size() == OUTPUT_LINES) {
						this.output.removeFirst();
					}
					this.output.addLast(line);
				}
			}
		}
		catch (IOException ex) {
			// The process is gone; what it printed so far is kept.
		}
	}

	private static void kill(Process process) {
		process.descendants().forEach(ProcessHandle::destroy);
		process.destroy();
		try {
			if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no free port", ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the server", ex);
		}
	}

}
