package io.github.mcpclient.autoconfigure.testbed;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import io.github.mcpclient.autoconfigure.testbed.OAuthTestBed.State;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Shutdown;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The test bed's context: Spring Authorization Server, the MCP servers behind Spring
 * Security's resource server support, and what the tests read back ({@link State}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class OAuthTestBedConfiguration {

	@Bean
	State state() {
		return new State();
	}

	@Bean
	TomcatServletWebServerFactory webServerFactory() throws Exception {
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
		factory.setAddress(java.net.InetAddress.getLoopbackAddress());
		factory.setShutdown(Shutdown.IMMEDIATE);
		return factory;
	}

	@Bean
	ServletRegistrationBean<HttpServletStreamableServerTransportProvider> mcpServlet(State state) {
		return servlet(state, "mcp", OAuthTestBed.MCP_PATH, McpTools.notes(), McpTools.session(),
				McpTools.echoAuthorization(), McpTools.echoAuthorizationError());
	}

	@Bean
	ServletRegistrationBean<HttpServletStreamableServerTransportProvider> adminMcpServlet(State state) {
		return servlet(state, "admin-mcp", OAuthTestBed.ADMIN_MCP_PATH, McpTools.adminReport());
	}

	private static ServletRegistrationBean<HttpServletStreamableServerTransportProvider> servlet(State state,
			String name, String path, SyncToolSpecification... tools) {
		HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
			.jsonMapper(new JacksonMcpJsonMapper(JsonMapper.builder().build()))
			.mcpEndpoint(path)
			.contextExtractor(McpTools::context)
			.build();
		McpSyncServer server = McpServer.sync(transport)
			.serverInfo("oauth-test-bed-" + name, "1.0.0")
			.capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
			.tools(tools)
			.build();
		ServletRegistrationBean<HttpServletStreamableServerTransportProvider> registration = new ServletRegistrationBean<>(
				transport, path);
		registration.setName(name);
		registration.setAsyncSupported(true);
		state.servers.add(server);
		return registration;
	}

	/**
	 * The public keys of {@value OAuthTestBed#KEY_CLIENT}, which the authorization server
	 * fetches to verify its assertions.
	 */
	@Bean
	ServletRegistrationBean<HttpServlet> clientJwksServlet(State state) {
		ServletRegistrationBean<HttpServlet> registration = new ServletRegistrationBean<>(new HttpServlet() {

			@Override
			protected void doGet(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.getWriter().write(state.clientJwks.get());
			}

		}, OAuthTestBed.KEY_CLIENT_JWKS_PATH);
		registration.setName("client-jwks");
		return registration;
	}

	/**
	 * Tomcat runs filters only for a request some servlet is mapped to: this one stands
	 * behind every path the security filters serve themselves (metadata, token endpoint,
	 * login).
	 */
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
	Filter tokenRequestCounter(State state) {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					jakarta.servlet.FilterChain chain) throws jakarta.servlet.ServletException, java.io.IOException {
				if ("POST".equals(request.getMethod()) && "/oauth2/token".equals(request.getRequestURI())) {
					state.tokenRequests.incrementAndGet();
					String resource = request.getParameter("resource");
					if (resource != null) {
						state.tokenRequestResources.add(resource);
					}
				}
				chain.doFilter(request, response);
			}

		};
	}

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
		OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
		http.securityMatcher(authorizationServer.getEndpointsMatcher())
			.with(authorizationServer, Customizer.withDefaults())
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.csrf((csrf) -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()))
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	// Spring Security 7.0 accepts DPoP-bound tokens by itself; 7.1 (Spring Boot 4.1) only
	// once asked to, through a method 7.0 does not have.
	private static OAuth2ResourceServerConfigurer<HttpSecurity> acceptingDpop(
			OAuth2ResourceServerConfigurer<HttpSecurity> resourceServer) {
		java.lang.reflect.Method dpop = org.springframework.util.ReflectionUtils.findMethod(resourceServer.getClass(),
				"dPoP", Customizer.class);
		if (dpop != null) {
			org.springframework.util.ReflectionUtils.invokeMethod(dpop, resourceServer, Customizer.withDefaults());
		}
		return resourceServer;
	}

	@Bean
	@Order(2)
	SecurityFilterChain mcpChain(HttpSecurity http, State state) throws Exception {
		http.securityMatcher(OAuthTestBed.MCP_PATH, OAuthTestBed.ADMIN_MCP_PATH,
				"/.well-known/oauth-protected-resource/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/.well-known/**")
				.permitAll()
				.requestMatchers(OAuthTestBed.ADMIN_MCP_PATH)
				.hasAllAuthorities("SCOPE_mcp.tools", "SCOPE_mcp.admin")
				.anyRequest()
				.hasAuthority("SCOPE_mcp.tools"))
			.oauth2ResourceServer((resourceServer) -> acceptingDpop(resourceServer).jwt(Customizer.withDefaults())
				.authenticationEntryPoint(pathSpecificMetadata(state))
				.accessDeniedHandler(namingTheScopes(state))
				.protectedResourceMetadata((metadata) -> metadata
					.protectedResourceMetadataCustomizer((builder) -> builder.authorizationServer(state.issuer.get())
						.scope("mcp.tools")
						.scope("mcp.admin"))))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain loginChain(HttpSecurity http) throws Exception {
		// Metadata this server does not publish (OpenID discovery) is a plain 404.
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers("/.well-known/**").permitAll().anyRequest().authenticated())
			.formLogin(Customizer.withDefaults());
		return http.build();
	}

	/**
	 * Spring Security names the resource's root metadata in {@code resource_metadata};
	 * MCP servers that share an origin name their own path's.
	 */
	private static AuthenticationEntryPoint pathSpecificMetadata(State state) {
		BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
		return (request, response, exception) -> {
			state.refusals.incrementAndGet();
			String wellKnown = state.issuer.get() + "/.well-known/oauth-protected-resource";
			bearer.commence(request, new HttpServletResponseWrapper(response) {

				@Override
				public void addHeader(String name, String value) {
					super.addHeader(name,
							value.replace('"' + wellKnown + '"', '"' + wellKnown + request.getRequestURI() + '"'));
				}

			}, exception);
		};
	}

	/**
	 * A token without {@code mcp.admin} at {@code /admin/mcp} gets a 403
	 * {@code insufficient_scope} naming the scopes the endpoint needs, so that a client
	 * can step up.
	 */
	private static AccessDeniedHandler namingTheScopes(State state) {
		return (request, response, exception) -> {
			String metadata = state.issuer.get() + "/.well-known/oauth-protected-resource" + request.getRequestURI();
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			response.setHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\", "
					+ "scope=\"mcp.tools mcp.admin\", resource_metadata=\"" + metadata + "\"");
		};
	}

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("alice").password("{noop}password").roles("USER").build(),
				User.withUsername("bob").password("{noop}password").roles("USER").build());
	}

	@Bean
	RegisteredClientRepository registeredClients(State state) {
		TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(10)).build();
		RegisteredClient service = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(OAuthTestBed.SERVICE_CLIENT)
			.clientSecret("{noop}" + OAuthTestBed.SERVICE_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope("mcp.tools")
			.scope("mcp.admin")
			.tokenSettings(tokens)
			.build();
		RegisteredClient post = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(OAuthTestBed.POST_CLIENT)
			.clientSecret("{noop}" + OAuthTestBed.POST_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope("mcp.tools")
			.tokenSettings(tokens)
			.build();
		RegisteredClient user = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(OAuthTestBed.USER_CLIENT)
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUri(OAuthTestBed.USER_REDIRECT_URI)
			.scope("mcp.tools")
			.scope("mcp.admin")
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(tokens)
			.build();
		// Confidential, as Spring Authorization Server gives refresh tokens to those
		// only.
		RegisteredClient web = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(OAuthTestBed.WEB_CLIENT)
			.clientSecret("{noop}" + OAuthTestBed.WEB_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUri(OAuthTestBed.WEB_REDIRECT_URI)
			.scope("mcp.tools")
			.scope("mcp.admin")
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(OAuthTestBed.WEB_TOKEN_LIFETIME).build())
			.build();
		InMemoryRegisteredClientRepository clients = new InMemoryRegisteredClientRepository(service, post, user, web);
		// Its key set URL names the port, known once the server has started.
		String keyClientId = UUID.randomUUID().toString();
		return new RegisteredClientRepository() {

			@Override
			public void save(RegisteredClient registeredClient) {
				clients.save(registeredClient);
			}

			@Override
			public RegisteredClient findById(String id) {
				return keyClientId.equals(id) ? keyClient() : clients.findById(id);
			}

			@Override
			public RegisteredClient findByClientId(String clientId) {
				return OAuthTestBed.KEY_CLIENT.equals(clientId) ? keyClient() : clients.findByClientId(clientId);
			}

			private RegisteredClient keyClient() {
				return RegisteredClient.withId(keyClientId)
					.clientId(OAuthTestBed.KEY_CLIENT)
					.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
					.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
					.scope("mcp.tools")
					.clientSettings(ClientSettings.builder()
						.jwkSetUrl(state.issuer.get() + OAuthTestBed.KEY_CLIENT_JWKS_PATH)
						.tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.RS256)
						.build())
					.tokenSettings(tokens)
					.build();
			}

		};
	}

	@Bean
	OAuth2AuthorizationService authorizationService(RegisteredClientRepository clients) {
		return new InMemoryOAuth2AuthorizationService();
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings() {
		// No fixed issuer: it is the origin each request came to.
		return AuthorizationServerSettings.builder().build();
	}

	@Bean
	JWKSource<SecurityContext> jwkSource() throws NoSuchAlgorithmException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair keys = generator.generateKeyPair();
		RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate())
			.keyID(UUID.randomUUID().toString())
			.build();
		return new ImmutableJWKSet<>(new JWKSet(key));
	}

	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, OAuth2AuthorizationService authorizations) {
		NimbusJwtDecoder decoder = (NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
		OAuth2TokenValidator<Jwt> active = (jwt) -> {
			OAuth2Authorization authorization = authorizations.findByToken(jwt.getTokenValue(),
					OAuth2TokenType.ACCESS_TOKEN);
			boolean valid = authorization != null && authorization.getAccessToken().isActive();
			return valid ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult
				.failure(new OAuth2Error("invalid_token", "The token is not active.", null));
		};
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), active));
		return decoder;
	}

}
