package io.github.mcpclient.oauthsample.server;

import java.net.InetAddress;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An authorization server and the MCP server it protects, in a Tomcat of their own on the
 * loopback interface: what a hosted MCP server that requires OAuth looks like to the
 * client.
 */
public final class EmbeddedOAuthServer implements AutoCloseable {

	/** Path of the protected MCP endpoint. */
	public static final String MCP_PATH = "/mcp";

	/** The client the sample's connection authenticates as. */
	public static final String CLIENT_ID = "sample-client";

	private final ConfigurableApplicationContext context;

	private EmbeddedOAuthServer(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Start the servers and return once they accept connections.
	 * @param port the port, or 0 for any free port
	 * @param clientSecret the secret the sample's client is registered with
	 * @return the running servers
	 */
	public static EmbeddedOAuthServer start(int port, String clientSecret) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(OAuthServerConfiguration.class)
			.web(WebApplicationType.SERVLET)
			// A context of its own: the sample's application.yml is not read here, as
			// there is no file of this name
			.properties(Map.of("spring.config.name", "embedded-oauth-server", "spring.main.banner-mode", "off",
					"spring.main.log-startup-info", "false", "server.port", String.valueOf(port), "server.address",
					InetAddress.getLoopbackAddress().getHostAddress(), "sample.oauth-server.client-secret",
					clientSecret))
			.run();
		EmbeddedOAuthServer server = new EmbeddedOAuthServer(context);
		context.getBean(OAuthServerConfiguration.Issuer.class).set(server.origin());
		return server;
	}

	/** The port the servers listen on. */
	public int port() {
		return ((ServletWebServerApplicationContext) this.context).getWebServer().getPort();
	}

	/** The authorization server's issuer, also the MCP server's origin. */
	public String origin() {
		return "http://127.0.0.1:" + port();
	}

	@Override
	public void close() {
		this.context.close();
	}

}
