package io.github.mcpclient.springai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import io.modelcontextprotocol.common.McpTransportContext;
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
 * A real MCP server for the bridge's end-to-end tests: the official MCP Java SDK's
 * stateful Streamable HTTP server in an embedded Tomcat on a free loopback port. Its
 * tools can be added while it runs, which it announces with
 * {@code notifications/tools/list_changed}.
 * <p>
 * Tools: {@code add_numbers}, {@code echo} (returns its arguments as JSON, so a test sees
 * what arrived), {@code whoami} (the {@code X-User} header and the {@code _meta} of the
 * call) and {@code divide} (a tool error for a zero divisor).
 */
public final class SdkToolServer implements BeforeAllCallback, AfterAllCallback {

	static final String USER_HEADER = "X-User";

	private static final List<Logger> quietLoggers = List.of(Logger.getLogger("org.apache.catalina"),
			Logger.getLogger("org.apache.coyote"), Logger.getLogger("org.apache.tomcat"));

	static {
		quietLoggers.forEach((logger) -> logger.setLevel(Level.SEVERE));
	}

	private static final JsonMapper json = JsonMapper.builder().build();

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
		stop();
	}

	void start() throws IOException, LifecycleException {
		HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
			.jsonMapper(new JacksonMcpJsonMapper(json))
			.mcpEndpoint("/mcp")
			.contextExtractor((request) -> {
				String user = request.getHeader(USER_HEADER);
				return McpTransportContext.create((user != null) ? Map.of("user", user) : Map.of());
			})
			.build();
		this.mcpServer = McpServer.sync(transport)
			.serverInfo("spring-ai-bridge-test", "1.0.0")
			.capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
			.tools(addNumbers(), echo(), whoami(), divide())
			.build();
		this.baseDir = Files.createTempDirectory("spring-ai-bridge-tomcat");
		Tomcat server = new Tomcat();
		server.setBaseDir(this.baseDir.toString());
		Connector connector = new Connector();
		connector.setPort(0);
		connector.setProperty("address", "127.0.0.1");
		server.setConnector(connector);
		Context context = server.addContext("", this.baseDir.toString());
		Wrapper servlet = Tomcat.addServlet(context, "mcp", transport);
		servlet.setAsyncSupported(true);
		context.addServletMappingDecoded("/mcp", "mcp");
		server.start();
		this.tomcat = server;
		this.port = connector.getLocalPort();
	}

	/**
	 * The URL of the MCP endpoint.
	 * @return the URL
	 */
	public String url() {
		return "http://127.0.0.1:" + this.port + "/mcp";
	}

	/**
	 * Offer one more tool, which answers with a fixed text.
	 * @param name the tool's name
	 * @param answer what it answers
	 */
	public void addTool(String name, String answer) {
		server().addTool(SyncToolSpecification.builder()
			.tool(tool(name, "Answers '" + answer + "'", Map.of()))
			.callHandler((exchange, request) -> text(answer))
			.build());
	}

	/**
	 * Announce again that the tools changed, for a client whose listening stream may have
	 * missed the first announcement.
	 */
	public void announceToolChange() {
		server().notifyToolsListChanged();
	}

	void stop() {
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
			try (Stream<Path> paths = Files.walk(this.baseDir)) {
				paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.baseDir = null;
		}
	}

	private McpSyncServer server() {
		if (this.mcpServer == null) {
			throw new IllegalStateException("The server is not running");
		}
		return this.mcpServer;
	}

	private static SyncToolSpecification addNumbers() {
		return SyncToolSpecification.builder()
			.tool(tool("add_numbers", "Adds two numbers",
					Map.of("a", Map.of("type", "number"), "b", Map.of("type", "number"))))
			.callHandler((exchange,
					request) -> text(new BigDecimal(request.arguments().get("a").toString())
						.add(new BigDecimal(request.arguments().get("b").toString()))
						.stripTrailingZeros()
						.toPlainString()))
			.build();
	}

	private static SyncToolSpecification echo() {
		return SyncToolSpecification.builder()
			.tool(tool("echo", "Returns its arguments as JSON", Map.of()))
			.callHandler((exchange, request) -> text(json.writeValueAsString(request.arguments())))
			.build();
	}

	private static SyncToolSpecification whoami() {
		return SyncToolSpecification.builder()
			.tool(tool("whoami", "Says on whose behalf it was called", Map.of()))
			.callHandler((exchange, request) -> {
				Map<String, Object> seen = new LinkedHashMap<>();
				seen.put("user", exchange.transportContext().get("user"));
				seen.put("meta", request.meta());
				return text(json.writeValueAsString(seen));
			})
			.build();
	}

	private static SyncToolSpecification divide() {
		return SyncToolSpecification.builder()
			.tool(tool("divide", "Divides a by b",
					Map.of("a", Map.of("type", "number"), "b", Map.of("type", "number"))))
			.callHandler((exchange, request) -> {
				BigDecimal b = new BigDecimal(request.arguments().get("b").toString());
				if (b.signum() == 0) {
					return McpSchema.CallToolResult.builder()
						.addTextContent("Cannot divide by zero; pass a non-zero b")
						.isError(true)
						.build();
				}
				return text(new BigDecimal(request.arguments().get("a").toString()).divide(b).toPlainString());
			})
			.build();
	}

	private static McpSchema.Tool tool(String name, String description, Map<String, Object> properties) {
		return McpSchema.Tool.builder()
			.name(name)
			.description(description)
			.inputSchema(Map.of("type", "object", "properties", properties))
			.build();
	}

	private static McpSchema.CallToolResult text(String text) {
		return McpSchema.CallToolResult.builder().addTextContent(text).build();
	}

}
