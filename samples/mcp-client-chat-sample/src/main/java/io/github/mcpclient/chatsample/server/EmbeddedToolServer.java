package io.github.mcpclient.chatsample.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * A stateful Streamable HTTP MCP server, built with the official MCP Java SDK, in an
 * embedded Tomcat of its own on the loopback interface.
 */
public final class EmbeddedToolServer implements DisposableBean {

	/** Name the server announces. */
	public static final String NAME = "chat-sample-tools";

	private static final Log logger = LogFactory.getLog(EmbeddedToolServer.class);

	private static final String PATH = "/mcp";

	private final McpSyncServer mcpServer;

	private final Tomcat tomcat;

	private final Path baseDir;

	private final int port;

	private EmbeddedToolServer(McpSyncServer mcpServer, Tomcat tomcat, Path baseDir, int port) {
		this.mcpServer = mcpServer;
		this.tomcat = tomcat;
		this.baseDir = baseDir;
		this.port = port;
	}

	/**
	 * Start a server and return once it accepts connections.
	 * @param port the port, or 0 for any free port
	 * @return the running server
	 */
	public static EmbeddedToolServer start(int port) {
		HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
			.mcpEndpoint(PATH)
			// Checking Host keeps web pages the user opens (DNS rebinding) from calling
			// the tools of a server on localhost
			.securityValidator(DefaultServerTransportSecurityValidator.builder()
				.allowedHosts(List.of("127.0.0.1:*", "localhost:*"))
				.build())
			.build();
		McpSyncServer mcpServer = McpServer.sync(transport)
			.serverInfo(NAME, "1.0.0")
			.capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
			.tools(new SampleTools(Clock.systemUTC()).all())
			.build();
		try {
			Path baseDir = Files.createTempDirectory("chat-sample-tomcat");
			Tomcat tomcat = new Tomcat();
			tomcat.setBaseDir(baseDir.toString());
			Connector connector = new Connector();
			connector.setPort(port);
			connector.setProperty("address", "127.0.0.1");
			tomcat.setConnector(connector);
			Context context = tomcat.addContext("", baseDir.toString());
			Wrapper servlet = Tomcat.addServlet(context, "mcp", transport);
			// SSE responses are written from other threads after the request thread
			// returns
			servlet.setAsyncSupported(true);
			context.addServletMappingDecoded(PATH, "mcp");
			tomcat.start();
			EmbeddedToolServer server = new EmbeddedToolServer(mcpServer, tomcat, baseDir, connector.getLocalPort());
			logger.info("Embedded MCP server '" + NAME + "' listening on " + server.url());
			return server;
		}
		catch (IOException | LifecycleException ex) {
			mcpServer.close();
			throw new IllegalStateException("Could not start the embedded MCP server on port " + port, ex);
		}
	}

	/**
	 * The port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The URL of the server's MCP endpoint.
	 * @return the URL
	 */
	public String url() {
		return "http://127.0.0.1:" + this.port + PATH;
	}

	@Override
	public void destroy() throws LifecycleException {
		// Ending the sessions first completes their open streams, so Tomcat stops at once
		this.mcpServer.closeGracefully();
		this.tomcat.stop();
		this.tomcat.destroy();
		try (Stream<Path> paths = Files.walk(this.baseDir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
