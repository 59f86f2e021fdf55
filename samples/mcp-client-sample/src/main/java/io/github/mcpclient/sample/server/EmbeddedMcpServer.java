package io.github.mcpclient.sample.server;

import java.net.InetAddress;
import java.time.Clock;
import java.util.List;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.ServletRegistration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Shutdown;
import org.springframework.boot.web.server.WebServer;

/**
 * A stateful Streamable HTTP MCP server, built with the official MCP Java SDK, running in
 * a Tomcat of its own on the loopback interface.
 */
public final class EmbeddedMcpServer implements DisposableBean {

	/** Path of the MCP endpoint. */
	public static final String PATH = "/mcp";

	/** Name the server announces in its initialize result. */
	public static final String NAME = "mcp-client-sample-server";

	/** Version the server announces in its initialize result. */
	public static final String VERSION = "1.0.0";

	private static final Log logger = LogFactory.getLog(EmbeddedMcpServer.class);

	private final McpSyncServer mcpServer;

	private final WebServer webServer;

	private EmbeddedMcpServer(McpSyncServer mcpServer, WebServer webServer) {
		this.mcpServer = mcpServer;
		this.webServer = webServer;
	}

	/**
	 * Start a server and return once it accepts connections.
	 * @param port the port, or 0 for any free port
	 * @return the running server
	 */
	public static EmbeddedMcpServer start(int port) {
		HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
			.mcpEndpoint(PATH)
			// A server on localhost is reachable from any web page the user opens;
			// checking
			// Host defeats DNS rebinding, which would otherwise let such a page call
			// tools
			.securityValidator(DefaultServerTransportSecurityValidator.builder()
				.allowedHosts(List.of("127.0.0.1:*", "localhost:*"))
				.build())
			.build();
		DemoServerFeatures features = new DemoServerFeatures(Clock.systemUTC());
		McpSyncServer mcpServer = McpServer.sync(transport)
			.serverInfo(NAME, VERSION)
			.capabilities(DemoServerFeatures.capabilities())
			.tools(features.tools())
			.resources(features.resources())
			.prompts(features.prompts())
			.build();
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(port);
		factory.setAddress(InetAddress.getLoopbackAddress());
		// A client's open GET stream never ends by itself, so a graceful shutdown would
		// wait out its whole grace period; the sessions are closed explicitly instead
		factory.setShutdown(Shutdown.IMMEDIATE);
		WebServer webServer = factory.getWebServer((servletContext) -> {
			ServletRegistration.Dynamic registration = servletContext.addServlet("mcp", transport);
			registration.addMapping(PATH);
			// SSE responses are written from other threads after the request thread
			// returns
			registration.setAsyncSupported(true);
		});
		try {
			webServer.start();
		}
		catch (RuntimeException ex) {
			mcpServer.close();
			throw ex;
		}
		EmbeddedMcpServer server = new EmbeddedMcpServer(mcpServer, webServer);
		logger.info("Embedded MCP server '" + NAME + "' listening on " + server.url());
		return server;
	}

	/**
	 * The port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.webServer.getPort();
	}

	/**
	 * The URL of the server's MCP endpoint.
	 * @return the URL
	 */
	public String url() {
		return "http://127.0.0.1:" + port() + PATH;
	}

	@Override
	public void destroy() {
		// Ending the sessions first completes their open SSE streams, so Tomcat has no
		// request left to wait for
		this.mcpServer.closeGracefully();
		this.webServer.stop();
	}

}
