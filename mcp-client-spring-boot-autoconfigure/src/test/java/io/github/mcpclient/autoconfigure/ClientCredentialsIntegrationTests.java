package io.github.mcpclient.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.actuate.McpEndpoint;
import io.github.mcpclient.actuate.McpEndpoint.AuthorizationDescriptor;
import io.github.mcpclient.autoconfigure.testbed.OAuthTestBed;
import io.github.mcpclient.exception.McpAuthorizationException;
import io.github.mcpclient.protocol.CallToolResult;
import io.github.mcpclient.protocol.TextContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client credentials grant end to end, through the injected {@link McpClient},
 * against a real authorization server in front of a real MCP server.
 */
class ClientCredentialsIntegrationTests {

	private static OAuthTestBed testBed;

	@BeforeAll
	static void start() {
		testBed = OAuthTestBed.start();
	}

	@AfterAll
	static void stop() {
		testBed.close();
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(McpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
					McpEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=mcp",
					"mcp.client.connections.notes.url=" + testBed.mcpUrl(),
					"mcp.client.connections.notes.authorization.grant=client-credentials",
					"mcp.client.connections.notes.authorization.client-id=" + OAuthTestBed.SERVICE_CLIENT,
					"mcp.client.connections.notes.authorization.client-secret=" + OAuthTestBed.SERVICE_SECRET,
					"mcp.client.connections.notes.authorization.scopes=mcp.tools");
	}

	@Test
	void firstCallIsRefusedThenAuthorizedWithATokenFromTheDiscoveredAuthorizationServer() {
		runner().run((context) -> {
			int refusals = testBed.refusals();
			int tokenRequests = testBed.tokenRequests();
			McpClient client = context.getBean(McpClient.class);
			assertThat(text(client.callTool("my_notes", Map.of())))
				.isEqualTo("notes of " + OAuthTestBed.SERVICE_CLIENT);
			assertThat(testBed.refusals() - refusals).isEqualTo(1);
			assertThat(testBed.tokenRequests() - tokenRequests).isEqualTo(1);
			// Further calls use the token held.
			client.callTool("my_notes", Map.of());
			assertThat(testBed.tokenRequests() - tokenRequests).isEqualTo(1);
			assertThat(testBed.refusals() - refusals).isEqualTo(1);
			AuthorizationDescriptor authorization = context.getBean(McpEndpoint.class)
				.connection(SecurityContext.NONE, "notes")
				.authorization();
			assertThat(authorization).isNotNull();
			assertThat(authorization.kind()).isEqualTo("client-credentials");
			assertThat(authorization.authorized()).isTrue();
			assertThat(authorization.issuer()).isEqualTo(testBed.issuer());
			assertThat(authorization.scopes()).containsExactly("mcp.tools");
			assertThat(authorization.expiresAt()).isNotNull();
			// The application acts as itself: no users hold tokens.
			assertThat(authorization.principals()).isZero();
		});
	}

	@Test
	void revokedTokenIsReplacedAfterTheServerRefusesIt() {
		runner().withUserConfiguration(ApplicationTokenStore.class).run((context) -> {
			McpClient client = context.getBean(McpClient.class);
			client.callTool("my_notes", Map.of());
			String first = heldToken(context);
			assertThat(testBed.revoke(first)).isTrue();
			int tokenRequests = testBed.tokenRequests();
			assertThat(text(client.callTool("my_notes", Map.of())))
				.isEqualTo("notes of " + OAuthTestBed.SERVICE_CLIENT);
			assertThat(testBed.tokenRequests() - tokenRequests).isEqualTo(1);
			assertThat(heldToken(context)).isNotEqualTo(first);
		});
	}

	@Test
	void clientSecretPostAuthenticatesInTheBody() {
		runner()
			.withPropertyValues("mcp.client.connections.notes.authorization.client-id=" + OAuthTestBed.POST_CLIENT,
					"mcp.client.connections.notes.authorization.client-secret=" + OAuthTestBed.POST_SECRET,
					"mcp.client.connections.notes.authorization.client-authentication-method=client-secret-post")
			.run((context) -> assertThat(text(context.getBean(McpClient.class).callTool("my_notes", Map.of())))
				.isEqualTo("notes of " + OAuthTestBed.POST_CLIENT));
	}

	@Test
	void dpopBindsTheTokenToTheConnectionsKeyAndTheServerAcceptsItsProofs() {
		runner().withUserConfiguration(ApplicationTokenStore.class)
			.withPropertyValues("mcp.client.connections.notes.authorization.dpop=true")
			.run((context) -> {
				assertThat(text(context.getBean(McpClient.class).callTool("my_notes", Map.of())))
					.isEqualTo("notes of " + OAuthTestBed.SERVICE_CLIENT);
				OAuth2AuthorizedClient client = context.getBean(ReactiveOAuth2AuthorizedClientService.class)
					.<OAuth2AuthorizedClient>loadAuthorizedClient(
							McpClientRegistrations.registrationId("notes", testBed.issuer()),
							McpClientRegistrations.PRINCIPAL)
					.block();
				assertThat(client).isNotNull();
				assertThat(client.getAccessToken().getTokenType()).isEqualTo(OAuth2AccessToken.TokenType.DPOP);
			});
	}

	@Test
	void privateKeyJwtAuthenticatesWithAnAssertionSignedByTheConfiguredKey(@TempDir Path directory) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair keys = generator.generateKeyPair();
		testBed.clientPublicKey((RSAPublicKey) keys.getPublic());
		Path key = Files.writeString(directory.resolve("client.pem"),
				"-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
						+ "\n-----END PRIVATE KEY-----\n");
		runner()
			.withPropertyValues("mcp.client.connections.notes.authorization.client-id=" + OAuthTestBed.KEY_CLIENT,
					"mcp.client.connections.notes.authorization.client-secret=",
					"mcp.client.connections.notes.authorization.client-authentication-method=private-key-jwt",
					"mcp.client.connections.notes.authorization.private-key-location=" + key.toUri())
			.run((context) -> assertThat(text(context.getBean(McpClient.class).callTool("my_notes", Map.of())))
				.isEqualTo("notes of " + OAuthTestBed.KEY_CLIENT));
	}

	@Test
	void wrongSecretFailsTheCallWithTheReasonAndWithoutTheSecret() {
		runner().withPropertyValues("mcp.client.connections.notes.authorization.client-secret=not-the-secret")
			.run((context) -> assertThatExceptionOfType(McpAuthorizationException.class)
				.isThrownBy(() -> context.getBean(McpClient.class).callTool("my_notes", Map.of()))
				.satisfies((ex) -> {
					assertThat(ex.getStatus()).isEqualTo(401);
					assertThat(ex.getMessage()).contains("invalid_client").doesNotContain("not-the-secret");
				}));
	}

	@Test
	void tokenWithoutTheScopeAnEndpointNeedsStepsUpToTheScopesTheServerNames() {
		runner().withPropertyValues("mcp.client.connections.notes.url=" + testBed.adminMcpUrl()).run((context) -> {
			int tokenRequests = testBed.tokenRequests();
			assertThat(text(context.getBean(McpClient.class).callTool("admin_report", Map.of())))
				.isEqualTo("report for " + OAuthTestBed.SERVICE_CLIENT);
			// One token with mcp.tools, refused; one with both.
			assertThat(testBed.tokenRequests() - tokenRequests).isEqualTo(2);
			AuthorizationDescriptor authorization = context.getBean(McpEndpoint.class)
				.connection(SecurityContext.NONE, "notes")
				.authorization();
			assertThat(authorization).isNotNull();
			assertThat(authorization.scopes()).containsExactlyInAnyOrder("mcp.tools", "mcp.admin");
		});
	}

	private static String heldToken(ApplicationContext context) {
		OAuth2AuthorizedClient client = context.getBean(ReactiveOAuth2AuthorizedClientService.class)
			.<OAuth2AuthorizedClient>loadAuthorizedClient(
					McpClientRegistrations.registrationId("notes", testBed.issuer()), McpClientRegistrations.PRINCIPAL)
			.block();
		assertThat(client).isNotNull();
		return client.getAccessToken().getTokenValue();
	}

	static String text(CallToolResult result) {
		assertThat(result.error()).isNotEqualTo(Boolean.TRUE);
		return ((TextContent) result.content().get(0)).text();
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationTokenStore {

		@Bean
		ReactiveOAuth2AuthorizedClientService tokens(McpClientRegistrations registrations) {
			return new InMemoryReactiveOAuth2AuthorizedClientService(registrations.repository());
		}

	}

}
