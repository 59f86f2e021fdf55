package io.github.mcpclient.autoconfigure.testbed;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.modelcontextprotocol.server.McpSyncServer;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * A real authorization server (Spring Authorization Server) in front of a real MCP server
 * (the MCP Java SDK's servlet Streamable HTTP transport) protected as an OAuth resource
 * server, in one embedded Tomcat on a random loopback port.
 * <p>
 * The authorization server publishes RFC 8414 metadata at its issuer, the application's
 * origin. {@code /mcp} needs scope {@code mcp.tools}; {@code /admin/mcp} needs
 * {@code mcp.admin} as well, so a token without it gets a 403 {@code insufficient_scope}
 * whose challenge names both scopes. A 401 names the path-specific RFC 9728 metadata in
 * its {@code resource_metadata}. Revoked tokens are refused, as the resource server asks
 * the authorization server whether a token is still active.
 * <p>
 * Clients: {@value #SERVICE_CLIENT} (client credentials, client_secret_basic),
 * {@value #POST_CLIENT} (client credentials, client_secret_post), {@value #KEY_CLIENT}
 * (client credentials, private_key_jwt), and {@value #USER_CLIENT} (public, authorization
 * code with PKCE and refresh tokens, for users {@code alice} and {@code bob}, password
 * {@code password}).
 */
public final class OAuthTestBed implements AutoCloseable {

	public static final String SERVICE_CLIENT = "service-client";

	public static final String SERVICE_SECRET = "service-secret-4f9d2c";

	public static final String POST_CLIENT = "post-client";

	public static final String POST_SECRET = "post-secret-8a1e7b";

	/**
	 * A client credentials client that authenticates with {@code private_key_jwt}
	 * (RS256), its public key the one given to {@link #clientPublicKey(RSAPublicKey)}.
	 */
	public static final String KEY_CLIENT = "key-client";

	/** Where the test bed serves {@value #KEY_CLIENT}'s public keys. */
	static final String KEY_CLIENT_JWKS_PATH = "/.well-known/test-client-jwks.json";

	public static final String USER_CLIENT = "user-client";

	public static final String USER_REDIRECT_URI = "http://127.0.0.1:8080/login/oauth2/code/mcp";

	public static final String WEB_CLIENT = "web-client";

	public static final String WEB_SECRET = "web-secret-3c6e1f";

	public static final String WEB_REDIRECT_URI = "http://127.0.0.1:8080/login/oauth2/code/fresh";

	/**
	 * How long the tokens of {@value #WEB_CLIENT} live: short, so that they are
	 * refreshed.
	 */
	public static final Duration WEB_TOKEN_LIFETIME = Duration.ofSeconds(10);

	public static final String MCP_PATH = "/mcp";

	public static final String ADMIN_MCP_PATH = "/admin/mcp";

	private final ConfigurableApplicationContext context;

	private final State state;

	private OAuthTestBed(ConfigurableApplicationContext context) {
		this.context = context;
		this.state = context.getBean(State.class);
	}

	/**
	 * Start the test bed.
	 * @return the running test bed
	 */
	public static OAuthTestBed start() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(OAuthTestBedConfiguration.class)
			.web(WebApplicationType.SERVLET)
			.properties(Map.of("spring.main.banner-mode", "off", "spring.main.log-startup-info", "false"))
			.run();
		int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
		context.getBean(State.class).issuer.set("http://127.0.0.1:" + port);
		return new OAuthTestBed(context);
	}

	/** The authorization server's issuer, also the origin of the MCP endpoints. */
	public String issuer() {
		return this.state.issuer.get();
	}

	/** The URL of the MCP endpoint that needs scope {@code mcp.tools}. */
	public URI mcpUrl() {
		return URI.create(issuer() + MCP_PATH);
	}

	/** The URL of the MCP endpoint that also needs scope {@code mcp.admin}. */
	public URI adminMcpUrl() {
		return URI.create(issuer() + ADMIN_MCP_PATH);
	}

	/**
	 * The public key that {@value #KEY_CLIENT}'s assertions are verified with.
	 * @param key the key
	 */
	public void clientPublicKey(RSAPublicKey key) {
		this.state.clientJwks.set(new JWKSet(new RSAKey.Builder(key).build()).toString());
	}

	/** How many token requests the authorization server has received. */
	public int tokenRequests() {
		return this.state.tokenRequests.get();
	}

	/** How many requests the MCP endpoints refused for want of a valid token. */
	/** The {@code resource} parameters of the token requests so far (RFC 8707). */
	public List<String> tokenRequestResources() {
		return List.copyOf(this.state.tokenRequestResources);
	}

	public int refusals() {
		return this.state.refusals.get();
	}

	/**
	 * Revoke an access token at the authorization server, as its revocation endpoint
	 * would: the resource server refuses it from then on.
	 * @param accessToken the token
	 * @return whether the authorization server knew the token
	 */
	public boolean revoke(String accessToken) {
		OAuth2AuthorizationService authorizations = this.context.getBean(OAuth2AuthorizationService.class);
		OAuth2Authorization authorization = authorizations.findByToken(accessToken, OAuth2TokenType.ACCESS_TOKEN);
		if (authorization == null) {
			return false;
		}
		authorizations.save(
				OAuth2Authorization.from(authorization).invalidate(authorization.getAccessToken().getToken()).build());
		return true;
	}

	@Override
	public void close() {
		this.state.servers.forEach(McpSyncServer::closeGracefully);
		this.context.close();
	}

	/** What the test bed learns while it runs. */
	static final class State {

		final AtomicReference<String> issuer = new AtomicReference<>("");

		final AtomicInteger tokenRequests = new AtomicInteger();

		final AtomicReference<String> clientJwks = new AtomicReference<>("{\"keys\":[]}");

		final List<String> tokenRequestResources = new CopyOnWriteArrayList<>();

		final AtomicInteger refusals = new AtomicInteger();

		final List<McpSyncServer> servers = new CopyOnWriteArrayList<>();

	}

}
