package io.github.mcpclient.oauthsample.server;

import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Shutdown;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The embedded servers' context: Spring Authorization Server with one client for the
 * client credentials grant, and the MCP Java SDK's server behind Spring Security's
 * resource server support, which answers a request without a token with a 401 naming its
 * protected resource metadata. Started by {@link EmbeddedOAuthServer} only, never found
 * by the sample's component scan (its package is outside the application's).
 */
@EnableWebSecurity
class OAuthServerConfiguration {

	@Bean
	Issuer issuer() {
		return new Issuer();
	}

	@Bean
	TomcatServletWebServerFactory webServerFactory(Environment environment) {
		// No auto-configuration here, so nothing binds server.* by itself.
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(
				environment.getRequiredProperty("server.port", Integer.class));
		factory.setAddress(environment.getRequiredProperty("server.address", InetAddress.class));
		factory.setShutdown(Shutdown.IMMEDIATE);
		return factory;
	}

	@Bean(destroyMethod = "closeGracefully")
	McpSyncServer mcpServer(HttpServletStreamableServerTransportProvider transport) {
		return McpServer.sync(transport)
			.serverInfo("mcp-client-oauth-sample-server", "1.0.0")
			.capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
			.tools(myNotes())
			.build();
	}

	@Bean
	HttpServletStreamableServerTransportProvider mcpTransport() {
		return HttpServletStreamableServerTransportProvider.builder()
			.mcpEndpoint(EmbeddedOAuthServer.MCP_PATH)
			.contextExtractor((request) -> McpTransportContext.create((request.getUserPrincipal() != null)
					? Map.of("subject", request.getUserPrincipal().getName()) : Map.of()))
			.build();
	}

	@Bean
	ServletRegistrationBean<HttpServletStreamableServerTransportProvider> mcpServlet(
			HttpServletStreamableServerTransportProvider transport) {
		ServletRegistrationBean<HttpServletStreamableServerTransportProvider> registration = new ServletRegistrationBean<>(
				transport, EmbeddedOAuthServer.MCP_PATH);
		registration.setAsyncSupported(true);
		return registration;
	}

	// Tomcat runs the security filters (metadata, token endpoint) only for a request some
	// servlet is mapped to.
	@Bean
	ServletRegistrationBean<HttpServlet> notFoundServlet() {
		return new ServletRegistrationBean<>(new HttpServlet() {

			@Override
			protected void service(HttpServletRequest request, HttpServletResponse response) {
				response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			}

		}, "/");
	}

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
		OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
		http.securityMatcher(authorizationServer.getEndpointsMatcher())
			.with(authorizationServer, Customizer.withDefaults())
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.csrf((csrf) -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain resourceServer(HttpSecurity http, Issuer issuer) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(EmbeddedOAuthServer.MCP_PATH)
			.hasAuthority("SCOPE_mcp.tools")
			.anyRequest()
			.permitAll())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults())
				.protectedResourceMetadata((metadata) -> metadata.protectedResourceMetadataCustomizer(
						(builder) -> builder.authorizationServer(issuer.get()).scope("mcp.tools"))))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	RegisteredClientRepository registeredClients(Environment environment) {
		String secret = environment.getRequiredProperty("sample.oauth-server.client-secret");
		return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(EmbeddedOAuthServer.CLIENT_ID)
			.clientSecret("{noop}" + secret)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope("mcp.tools")
			.build());
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings() {
		// The issuer is the origin each request came to.
		return AuthorizationServerSettings.builder().build();
	}

	@Bean
	JWKSource<SecurityContext> jwkSource() throws NoSuchAlgorithmException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair keys = generator.generateKeyPair();
		return new ImmutableJWKSet<>(new JWKSet(
				new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate())
					.keyID(UUID.randomUUID().toString())
					.build()));
	}

	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
		return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
	}

	private static SyncToolSpecification myNotes() {
		McpSchema.Tool tool = McpSchema.Tool.builder()
			.name("my_notes")
			.description("The notes of whoever calls, by the token's subject")
			.inputSchema(Map.of("type", "object", "properties", Map.of(), "required", List.of()))
			.build();
		return SyncToolSpecification.builder()
			.tool(tool)
			.callHandler((exchange, request) -> McpSchema.CallToolResult.builder()
				.addTextContent("notes of " + exchange.transportContext().get("subject"))
				.build())
			.build();
	}

	/** The issuer, known once the server runs on its port. */
	static final class Issuer {

		private final AtomicReference<String> value = new AtomicReference<>("");

		String get() {
			return this.value.get();
		}

		void set(String issuer) {
			this.value.set(issuer);
		}

	}

}
