package io.github.mcpclient.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official MCP Java SDK's stateful Streamable HTTP server
 * ({@link HttpServletStreamableServerTransportProvider}) in an embedded Tomcat on a
 * random loopback port, in this JVM, with {@code add_numbers} and {@code echo} tools.
 */
final class JavaSdkMcpServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

	static final String PATH = "/mcp";

	// Held so that the levels stick (JUL keeps loggers weakly). Tomcat's start/stop
	// chatter
	// and its leak warnings about Reactor's shared threads say nothing about the tests.
	private static final List<Logger> quietLoggers = List.of(Logger.getLogger("org.apache.catalina"),
			Logger.getLogger("org.apache.coyote"), Logger.getLogger("org.apache.tomcat"));

	static {
		quietLoggers.forEach((logger) -> logger.setLevel(Level.SEVERE));
	}

	private @Nullable Tomcat tomcat;

	private @Nullable McpSyncServer mcpServer;

	private @Nullable Path baseDir;

	private int port;

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	void start() throws IOException, LifecycleException {
		HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
			.jsonMapper(new JacksonMcpJsonMapper(JsonMapper.builder().build()))
			.mcpEndpoint(PATH)
			.build();
		this.mcpServer = McpServer.sync(transport)
			.serverInfo("interop-java-sdk", "1.0.0")
			.capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
			.tools(addNumbers(), echo())
			.build();

		this.baseDir = Files.createTempDirectory("interop-tomcat");
		Tomcat server = new Tomcat();
		server.setBaseDir(this.baseDir.toString());
		Connector connector = new Connector();
		connector.setPort(0);
		connector.setProperty("address", "127.0.0.1");
		server.setConnector(connector);
		Context context = server.addContext("", this.baseDir.toString());
		Wrapper servlet = Tomcat.addServlet(context, "mcp", transport);
		// The transport answers requests asynchronously (SSE streams).
		servlet.setAsyncSupported(true);
		context.addServletMappingDecoded(PATH, "mcp");
		server.start();
		this.tomcat = server;
		this.port = connector.getLocalPort();
	}

	URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.port + PATH);
	}

	URI baseUri() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	@Override
	public void close() {
		if (this.mcpServer != null) {
			this.mcpServer.close();
			this.mcpServer = null;
		}
		if (this.tomcat != null) {
			try {
				this.tomcat.stop();
				this.tomcat.destroy();
			}
			catch (LifecycleException ex) {
				throw new IllegalStateException("could not stop Tomcat", ex);
			}
			this.tomcat = null;
		}
		if (this.baseDir != null) {
			deleteRecursively(this.baseDir);
			this.baseDir = null;
		}
	}

	private static SyncToolSpecification addNumbers() {
		McpSchema.Tool tool = McpSchema.Tool.builder()
			.name("add_numbers")
			.description("Adds two numbers")
			.inputSchema(Map.of("type", "object", "properties",
					Map.of("a", Map.of("type", "number"), "b", Map.of("type", "number")), "required",
					List.of("a", "b")))
			.build();
		return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
			BigDecimal sum = new BigDecimal(request.arguments().get("a").toString())
				.add(new BigDecimal(request.arguments().get("b").toString()));
			return McpSchema.CallToolResult.builder().addTextContent(sum.stripTrailingZeros().toPlainString()).build();
		}).build();
	}

	private static SyncToolSpecification echo() {
		McpSchema.Tool tool = McpSchema.Tool.builder()
			.name("echo")
			.description("Returns its message")
			.inputSchema(Map.of("type", "object", "properties", Map.of("message", Map.of("type", "string")), "required",
					List.of("message")))
			.build();
		return SyncToolSpecification.builder()
			.tool(tool)
			.callHandler((exchange, request) -> McpSchema.CallToolResult.builder()
				.addTextContent(String.valueOf(request.arguments().get("message")))
				.build())
			.build();
	}

	private static void deleteRecursively(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
