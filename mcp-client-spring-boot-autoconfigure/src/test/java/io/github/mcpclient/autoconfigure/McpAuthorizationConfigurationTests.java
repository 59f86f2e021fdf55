package io.github.mcpclient.autoconfigure;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpWireMock;
import io.github.mcpclient.auth.McpAuthorization;
import io.github.mcpclient.auth.McpTokenSource;
import io.github.mcpclient.auth.OAuthAuthorization;
import io.github.mcpclient.exception.McpException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code mcp.client.connections.<name>.authorization}: what each grant needs, how a
 * mistake stops the application naming the property, and bearer pass-through.
 */
class McpAuthorizationConfigurationTests {

	@RegisterExtension
	static final WireMockExtension server = McpWireMock.extension();

	private static final String PREFIX = "mcp.client.connections.one.authorization.";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(McpClientAutoConfiguration.class, WebClientAutoConfiguration.class))
		.withPropertyValues("mcp.client.connections.one.url=http://127.0.0.1:1/mcp");

	@Test
	void withoutAGrantTheConnectionHasNoAuthorization() {
		this.runner.run((context) -> assertThat(context.getBean(McpConnectionAuthorizations.class).get("one"))
			.isSameAs(McpAuthorization.none()));
	}

	@Test
	void clientCredentialsWithoutClientIdFailsNamingIt() {
		assertFailsNaming(PREFIX + "client-id", PREFIX + "grant=client-credentials", PREFIX + "client-secret=s");
	}

	@Test
	void clientCredentialsWithoutSecretFailsNamingIt() {
		assertFailsNaming(PREFIX + "client-secret", PREFIX + "grant=client-credentials", PREFIX + "client-id=c");
	}

	@Test
	void clientSecretPostWithoutSecretFailsNamingIt() {
		assertFailsNaming(PREFIX + "client-secret", PREFIX + "grant=authorization-code", PREFIX + "client-id=c",
				PREFIX + "client-authentication-method=client-secret-post");
	}

	@Test
	void privateKeyJwtWithoutKeyFailsNamingIt() {
		assertFailsNaming(PREFIX + "private-key-location", PREFIX + "grant=client-credentials", PREFIX + "client-id=c",
				PREFIX + "client-authentication-method=private-key-jwt");
	}

	@Test
	void missingPrivateKeyFailsNamingIt() {
		assertFailsNaming(PREFIX + "private-key-location", PREFIX + "grant=client-credentials", PREFIX + "client-id=c",
				PREFIX + "private-key-location=classpath:no-such-key.pem");
	}

	@Test
	void privateKeyJwtSignsWithTheConfiguredRsaKey(@TempDir Path directory) throws Exception {
		Path key = pem(directory, "RSA");
		this.runner.withPropertyValues(PREFIX + "grant=client-credentials", PREFIX + "client-id=c",
				PREFIX + "client-authentication-method=private-key-jwt", PREFIX + "private-key-location=" + key.toUri())
			.run((context) -> assertThat(context.getBean(McpConnectionAuthorizations.class).get("one"))
				.isInstanceOf(OAuthAuthorization.class));
	}

	@Test
	void privateKeyThatIsNotRsaFailsNamingIt(@TempDir Path directory) throws Exception {
		Path key = pem(directory, "EC");
		assertFailsNaming(PREFIX + "private-key-location", PREFIX + "grant=client-credentials", PREFIX + "client-id=c",
				PREFIX + "client-authentication-method=private-key-jwt",
				PREFIX + "private-key-location=" + key.toUri());
	}

	private static Path pem(Path directory, String algorithm) throws Exception {
		byte[] pkcs8 = KeyPairGenerator.getInstance(algorithm).generateKeyPair().getPrivate().getEncoded();
		String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs8)
				+ "\n-----END PRIVATE KEY-----\n";
		return Files.writeString(directory.resolve("client.pem"), pem);
	}

	@Test
	void clientMetadataUrlMustBeHttpsWithAPath() {
		assertFailsNaming(PREFIX + "client-metadata-url", PREFIX + "grant=authorization-code",
				PREFIX + "client-metadata-url=http://app.example.com/client.json");
	}

	@Test
	void sessionBoundsMustBePositive() {
		assertFailsNaming(PREFIX + "max-sessions", PREFIX + "grant=authorization-code", PREFIX + "max-sessions=0");
		assertFailsNaming(PREFIX + "session-idle-timeout", PREFIX + "grant=authorization-code",
				PREFIX + "session-idle-timeout=0s");
	}

	@Test
	void aClientIdWithoutAGrantFailsNamingTheGrant() {
		assertFailsNaming(PREFIX + "grant", PREFIX + "client-id=c");
	}

	@Test
	void aStaticAuthorizationHeaderAndAGrantFailNamingTheGrant() {
		assertFailsNaming(PREFIX + "grant", "mcp.client.connections.one.headers.Authorization=Bearer x",
				PREFIX + "grant=client-credentials", PREFIX + "client-id=c", PREFIX + "client-secret=s");
	}

	@Test
	void authorizationCodeOutsideAWebApplicationAuthorizesThroughALoopbackCallback() {
		this.runner.withPropertyValues(PREFIX + "grant=authorization-code", PREFIX + "client-id=c").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(McpLoopbackUserAgents.class);
			assertThat(context.getBean(McpConnectionAuthorizations.class).get("one").state().kind())
				.isEqualTo("authorization-code");
		});
	}

	@Test
	void authorizationCodeWithoutSpringSecuritysOAuthClientSaysWhatItNeeds() {
		this.runner.withClassLoader(new FilteredClassLoader(ReactiveOAuth2AuthorizedClientService.class))
			.withPropertyValues(PREFIX + "grant=authorization-code", PREFIX + "client-id=c")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining(PREFIX + "grant"));
	}

	@Test
	void bearerPassThroughWithoutATokenSourceFailsNamingTheGrant() {
		assertFailsNaming(PREFIX + "grant", PREFIX + "grant=bearer-pass-through");
	}

	@Test
	void aFailureNeverShowsTheClientSecret() {
		this.runner
			.withPropertyValues(PREFIX + "grant=client-credentials", PREFIX + "client-secret=very-secret-value",
					PREFIX + "client-authentication-method=client-secret-basic")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining(PREFIX + "client-id")
				.hasMessageNotContaining("very-secret-value"));
	}

	@Test
	void withoutSpringSecurityGrantsThatNeedAnAuthorizationServerFailNamingTheGrant() {
		this.runner.withClassLoader(new FilteredClassLoader(ReactiveOAuth2AuthorizedClientService.class))
			.withPropertyValues(PREFIX + "grant=client-credentials", PREFIX + "client-id=c", PREFIX + "client-secret=s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining(PREFIX + "grant")
				.hasMessageContaining("spring-security-oauth2-client"));
	}

	@Test
	void withoutSpringSecurityConnectionsWithoutAGrantWork() {
		this.runner.withClassLoader(new FilteredClassLoader(ReactiveOAuth2AuthorizedClientService.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(McpConnectionAuthorizations.class)
				.doesNotHaveBean(McpClientRegistrations.class));
	}

	@Test
	void bearerPassThroughSendsTheTokenTheSourceGives() {
		McpWireMock.stubPingableServer(server, null);
		this.runner
			.withPropertyValues("mcp.client.connections.one.url=" + McpWireMock.endpoint(server),
					PREFIX + "grant=bearer-pass-through")
			.withBean(McpTokenSource.class, () -> (request) -> Mono.just("user-token-" + request.connectionName()))
			.run((context) -> {
				context.getBean(McpClient.class).ping();
				server.verify(postRequestedFor(urlEqualTo("/mcp")).withHeader("Authorization",
						equalTo("Bearer user-token-one")));
				assertThat(context.getBean(McpConnectionAuthorizations.class).state("one").kind())
					.isEqualTo("bearer-pass-through");
			});
	}

	@Test
	void anOAuthConnectionBuildsNoHttpClientAtStartupOnlyOnItsFirstAuthorization() {
		server.stubFor(McpWireMock.rpc("initialize")
			.willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Bearer")));
		AtomicInteger builds = new AtomicInteger();
		this.runner
			.withPropertyValues("mcp.client.connections.one.url=" + McpWireMock.endpoint(server),
					PREFIX + "grant=client-credentials", PREFIX + "client-id=c", PREFIX + "client-secret=s")
			.withBean(WebClient.Builder.class, () -> counting(builds))
			.run((context) -> {
				assertThat(context.getBean(McpConnectionAuthorizations.class).get("one"))
					.isInstanceOf(OAuthAuthorization.class);
				assertThat(context.getBean(McpClient.class)).isNotNull();
				assertThat(builds).hasValue(0);
				// The MCP connection's client, then the authorization's, which finds no
				// authorization server here.
				assertThatExceptionOfType(McpException.class).isThrownBy(context.getBean(McpClient.class)::ping);
				assertThat(builds).hasValue(2);
			});
	}

	@Test
	void dpopAsksForDpopBoundTokensAndSendsThemWithProofs() {
		McpWireMock.stubPingableServer(server, null);
		server.stubFor(post(urlEqualTo("/mcp")).atPriority(1)
			.withHeader("Authorization", absent())
			.willReturn(aResponse().withStatus(401)
				.withHeader("WWW-Authenticate", "DPoP resource_metadata=\"" + server.baseUrl()
						+ "/.well-known/oauth-protected-resource/mcp\"")));
		server.stubFor(get(urlEqualTo("/.well-known/oauth-protected-resource/mcp")).willReturn(okJson("{\"resource\":\""
				+ McpWireMock.endpoint(server) + "\",\"authorization_servers\":[\"" + server.baseUrl() + "\"]}")));
		server.stubFor(get(urlEqualTo("/.well-known/oauth-authorization-server"))
			.willReturn(okJson("{\"issuer\":\"" + server.baseUrl() + "\",\"authorization_endpoint\":\""
					+ server.baseUrl() + "/authorize\",\"token_endpoint\":\"" + server.baseUrl()
					+ "/token\",\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\"],"
					+ "\"dpop_signing_alg_values_supported\":[\"ES256\"]}")));
		server.stubFor(post(urlEqualTo("/token")).withHeader("DPoP", matching(".+"))
			.willReturn(okJson("{\"access_token\":\"bound-token\",\"token_type\":\"DPoP\",\"expires_in\":3600}")));
		this.runner
			.withPropertyValues("mcp.client.connections.one.url=" + McpWireMock.endpoint(server),
					PREFIX + "grant=client-credentials", PREFIX + "client-id=c", PREFIX + "client-secret=s",
					PREFIX + "dpop=true")
			.run((context) -> {
				context.getBean(McpClient.class).ping();
				server.verify(postRequestedFor(urlEqualTo("/token")).withHeader("DPoP", matching(".+")));
				server.verify(
						postRequestedFor(urlEqualTo("/mcp")).withHeader("Authorization", equalTo("DPoP bound-token"))
							.withHeader("DPoP", matching(".+")));
			});
	}

	@Test
	void dpopWithAnotherGrantFailsNamingIt() {
		assertFailsNaming(PREFIX + "dpop", PREFIX + "grant=bearer-pass-through", PREFIX + "dpop=true");
	}

	// A WebClient.Builder that counts build() calls and stays itself through clone() and
	// every fluent method.
	private static WebClient.Builder counting(AtomicInteger builds) {
		WebClient.Builder target = WebClient.builder();
		return (WebClient.Builder) Proxy.newProxyInstance(McpAuthorizationConfigurationTests.class.getClassLoader(),
				new Class<?>[] { WebClient.Builder.class }, (proxy, method, args) -> {
					if (method.getName().equals("build")) {
						builds.incrementAndGet();
						return target.build();
					}
					if (method.getName().equals("clone")) {
						return proxy;
					}
					try {
						Object result = method.invoke(target, args);
						return (result == target) ? proxy : result;
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	private void assertFailsNaming(String property, String... properties) {
		this.runner.withPropertyValues(properties)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining(property));
	}

}
