package io.github.mcpclient.auth;

import java.net.URI;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.mcpclient.EraVerdicts;
import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClientHandlers;
import io.github.mcpclient.McpWireMock;
import io.github.mcpclient.engine.McpClientFactory;
import io.github.mcpclient.exception.McpAuthorizationException;
import io.github.mcpclient.exception.McpAuthorizationFlowException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.mcpclient.McpWireMock.TOOLS;
import static io.github.mcpclient.McpWireMock.json;
import static io.github.mcpclient.McpWireMock.rpc;
import static io.github.mcpclient.McpWireMock.rpcRequested;
import static io.github.mcpclient.McpWireMock.stubHandshake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The OAuth flow against an MCP server and an authorization server on another origin:
 * what it sends where, and a typed error that names the failed step for each bad input,
 * with no credential in it and no token sent where it does not belong.
 */
class OAuthAuthorizationTests {

	static final String TOKEN = "access-token-7f3a9c";

	static final String REFRESH = "refresh-token-51d2";

	static final String CODE = "authorization-code-c0de";

	static final String SECRET = "client-secret-5ecre7";

	@RegisterExtension
	static final WireMockExtension mcp = McpWireMock.extension();

	@RegisterExtension
	static final WireMockExtension as = McpWireMock.extension();

	final List<URI> authorizationUrls = new CopyOnWriteArrayList<>();

	@BeforeEach
	void stubServers() {
		stubHandshake(mcp, null);
		mcp.stubFor(rpc("tools/list").atPriority(5)
			.willReturn(aResponse().withStatus(401)
				.withHeader("WWW-Authenticate", "Bearer scope=\"tools:read\", resource_metadata=\"" + mcp.baseUrl()
						+ "/.well-known/oauth-protected-resource/mcp\"")));
		mcp.stubFor(rpc("tools/list").atPriority(1)
			.withHeader("Authorization", equalTo("Bearer " + TOKEN))
			.willReturn(json(TOOLS)));
		stubResourceMetadata(mcp.baseUrl() + "/mcp");
		stubServerMetadata(as.baseUrl(), "[\"S256\"]");
		as.stubFor(post(urlEqualTo("/token")).willReturn(okJson("{\"access_token\":\"" + TOKEN
				+ "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"" + REFRESH + "\"}")));
	}

	static void stubResourceMetadata(String resource) {
		mcp.stubFor(get(urlEqualTo("/.well-known/oauth-protected-resource/mcp")).willReturn(
				okJson("{\"resource\":\"" + resource + "\",\"authorization_servers\":[\"" + as.baseUrl() + "\"]}")));
	}

	static void stubServerMetadata(String issuer, String challengeMethods) {
		as.stubFor(get(urlEqualTo("/.well-known/oauth-authorization-server")).willReturn(okJson("{\"issuer\":\""
				+ issuer + "\",\"authorization_endpoint\":\"" + as.baseUrl() + "/authorize\",\"token_endpoint\":\""
				+ as.baseUrl() + "/token\",\"code_challenge_methods_supported\":" + challengeMethods
				+ ",\"authorization_response_iss_parameter_supported\":true,"
				+ "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\"]}")));
	}

	McpClient client(AuthorizationCodeUserAgent userAgent) {
		OAuthAuthorization authorization = OAuthAuthorization.builder()
			.clientId("mcp-test-client")
			.clientSecret(SECRET)
			.userAgent(userAgent)
			.build();
		return McpClientFactory.builder()
			.eraVerdicts(EraVerdicts.inMemory())
			.build()
			.create(McpWireMock.settings(mcp), McpClientHandlers.none(), authorization);
	}

	// Approves at once, answering with the given issuer and the request's state.
	AuthorizationCodeUserAgent approving(String issuer) {
		return new AuthorizationCodeUserAgent() {

			@Override
			public URI redirectUri() {
				return URI.create("http://127.0.0.1:4711/callback");
			}

			@Override
			public Mono<AuthorizationCallback> authorize(URI authorizationUrl) {
				OAuthAuthorizationTests.this.authorizationUrls.add(authorizationUrl);
				String state = UriComponentsBuilder.fromUri(authorizationUrl)
					.build()
					.getQueryParams()
					.getFirst("state");
				return Mono.just(new AuthorizationCallback(CODE, state, issuer, null, null));
			}

		};
	}

	@Test
	void authorizesWithPkceAndResourceAndSendsTheTokenToTheServerOnly() {
		assertThat(client(approving(as.baseUrl())).listTools().tools()).hasSize(1);

		URI url = this.authorizationUrls.get(0);
		var query = UriComponentsBuilder.fromUri(url).build().getQueryParams();
		assertThat(url.toString()).startsWith(as.baseUrl() + "/authorize?");
		assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
		assertThat(query.getFirst("code_challenge")).hasSize(43);
		assertThat(query.getFirst("scope")).isEqualTo("tools:read");
		assertThat(query.getFirst("resource")).contains("mcp");
		as.verify(postRequestedFor(urlEqualTo("/token")).withRequestBody(containing("grant_type=authorization_code"))
			.withRequestBody(containing("code=" + CODE))
			.withRequestBody(containing("code_verifier="))
			.withRequestBody(containing("resource="
					+ java.net.URLEncoder.encode(mcp.baseUrl() + "/mcp", java.nio.charset.StandardCharsets.UTF_8)))
			.withHeader("Authorization", containing("Basic ")));
		mcp.verify(rpcRequested("tools/list").withHeader("Authorization", equalTo("Bearer " + TOKEN)));
		assertThat(as.findAll(anyRequestedFor(anyUrl()))).noneMatch(OAuthAuthorizationTests::carriesBearer);
		assertThat(mcp.findAll(anyRequestedFor(urlEqualTo("/.well-known/oauth-protected-resource/mcp"))))
			.noneMatch(OAuthAuthorizationTests::carriesBearer);
	}

	@Test
	void resourceMetadataForAnotherResourceStopsBeforeAuthorizing() {
		stubResourceMetadata("https://elsewhere.example.com/mcp");

		McpAuthorizationFlowException ex = listToolsFails(approving(as.baseUrl()));

		assertThat(ex.getMessage()).contains("'test'", "'tools/list'", "https://elsewhere.example.com/mcp");
		assertThat(this.authorizationUrls).isEmpty();
		as.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void serverMetadataOfAnotherIssuerIsNotUsed() {
		stubServerMetadata("https://attacker.example.com", "[\"S256\"]");

		McpAuthorizationFlowException ex = listToolsFails(approving(as.baseUrl()));

		assertThat(ex.getMessage()).contains("https://attacker.example.com", "another issuer");
		assertThat(this.authorizationUrls).isEmpty();
		as.verify(0, postRequestedFor(urlEqualTo("/token")));
	}

	@Test
	void serverWithoutS256IsRefused() {
		stubServerMetadata(as.baseUrl(), "[\"plain\"]");

		assertThat(listToolsFails(approving(as.baseUrl())).getMessage()).contains("S256");
		assertThat(this.authorizationUrls).isEmpty();
	}

	@Test
	void issuerMismatchInTheCallbackIsRejectedBeforeRedeemingTheCode() {
		McpAuthorizationFlowException ex = listToolsFails(approving("https://evil.example.com"));

		assertThat(ex.getMessage()).contains("RFC 9207", "https://evil.example.com").doesNotContain(CODE);
		as.verify(0, postRequestedFor(urlEqualTo("/token")));
	}

	@Test
	void tokenEndpointErrorNamesTheErrorWithoutSecrets() {
		as.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"invalid_grant\",\"error_description\":\"code " + CODE + " for secret " + SECRET
					+ " is spent\"}")));

		McpAuthorizationFlowException ex = listToolsFails(approving(as.baseUrl()));

		assertThat(ex.getMessage()).contains("token request", "invalid_grant").doesNotContain(CODE, SECRET);
	}

	@Test
	void aServerThatRefusesEveryTokenIsAuthorizedOnceMoreOnly() {
		mcp.stubFor(rpc("tools/list").atPriority(1)
			.withHeader("Authorization", equalTo("Bearer " + TOKEN))
			.willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
		McpClient client = client(approving(as.baseUrl()));

		McpAuthorizationException ex = assertThatExceptionOfType(McpAuthorizationException.class)
			.isThrownBy(client::listTools)
			.actual();

		assertThat(ex).isNotInstanceOf(McpAuthorizationFlowException.class);
		assertThat(ex.getChallenge().error()).isEqualTo("invalid_token");
		assertThat(ex.getMessage()).doesNotContain(TOKEN);
		as.verify(1, postRequestedFor(urlEqualTo("/token")));
		mcp.verify(2, rpcRequested("tools/list"));
	}

	@Test
	void missingResourceMetadataFallsBackToTheServersOrigin() {
		mcp.removeStub(get(urlEqualTo("/.well-known/oauth-protected-resource/mcp")));
		mcp.stubFor(rpc("tools/list").atPriority(5)
			.willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Bearer")));

		McpAuthorizationFlowException ex = listToolsFails(approving(null));

		// A 2025-03-26 server keeps its authorization server at its own origin; this one
		// has no token endpoint there, and the client says so.
		assertThat(this.authorizationUrls).singleElement()
			.satisfies((url) -> assertThat(url.toString()).startsWith(mcp.baseUrl() + "/authorize?"));
		assertThat(ex.getMessage()).contains(mcp.baseUrl() + "/token");
		assertThat(mcp.findAll(postRequestedFor(urlEqualTo("/token"))))
			.noneMatch(OAuthAuthorizationTests::carriesBearer);
	}

	@Test
	void tokenNearExpiryIsRefreshedBeforeItIsSent() {
		as.stubFor(post(urlEqualTo("/token")).withRequestBody(containing("grant_type=authorization_code"))
			.willReturn(okJson("{\"access_token\":\"short-lived-token\",\"token_type\":\"Bearer\","
					+ "\"expires_in\":5,\"refresh_token\":\"" + REFRESH + "\"}")));
		as.stubFor(post(urlEqualTo("/token")).withRequestBody(containing("grant_type=refresh_token"))
			.willReturn(okJson("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
		mcp.stubFor(rpc("tools/list").atPriority(1)
			.withHeader("Authorization", equalTo("Bearer short-lived-token"))
			.willReturn(json(TOOLS)));
		McpClient client = client(approving(as.baseUrl()));

		client.listTools();
		client.listTools();

		assertThat(this.authorizationUrls).hasSize(1);
		as.verify(postRequestedFor(urlEqualTo("/token")).withRequestBody(containing("grant_type=refresh_token"))
			.withRequestBody(containing("refresh_token=" + REFRESH))
			.withRequestBody(containing("resource=")));
		mcp.verify(1, rpcRequested("tools/list").withHeader("Authorization", equalTo("Bearer " + TOKEN)));
	}

	@Test
	void stepUpAsksForTheUnionOfScopesAndStopsWhenItAddsNone() {
		mcp.stubFor(rpc("tools/call").willReturn(aResponse().withStatus(403)
			.withHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"tools:call\"")));
		McpClient client = client(approving(as.baseUrl()));
		client.listTools();

		McpAuthorizationException ex = assertThatExceptionOfType(McpAuthorizationException.class)
			.isThrownBy(() -> client.callTool("add", java.util.Map.of()))
			.actual();

		assertThat(ex.isInsufficientScope()).isTrue();
		assertThat(this.authorizationUrls).hasSize(2);
		assertThat(
				UriComponentsBuilder.fromUri(this.authorizationUrls.get(1)).build().getQueryParams().getFirst("scope"))
			.isEqualTo("tools:read%20tools:call");
		mcp.verify(2, rpcRequested("tools/call"));
	}

	@Test
	void aTokenJustIssuedMayStillStepUp() {
		mcp.stubFor(rpc("tools/list").atPriority(1)
			.withHeader("Authorization", equalTo("Bearer " + TOKEN))
			.willReturn(aResponse().withStatus(403)
				.withHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"tools:admin\"")));

		assertThatExceptionOfType(McpAuthorizationException.class)
			.isThrownBy(client(approving(as.baseUrl()))::listTools)
			.satisfies((ex) -> assertThat(ex.isInsufficientScope()).isTrue());

		assertThat(this.authorizationUrls).hasSize(2);
		assertThat(
				UriComponentsBuilder.fromUri(this.authorizationUrls.get(1)).build().getQueryParams().getFirst("scope"))
			.isEqualTo("tools:read%20tools:admin");
		mcp.verify(3, rpcRequested("tools/list"));
	}

	@Test
	void clientCredentialsAuthenticateTheClientForTheServersResource() {
		OAuthAuthorization authorization = OAuthAuthorization.builder()
			.grant(OAuthGrant.CLIENT_CREDENTIALS)
			.clientId("reporting-service")
			.clientSecret(SECRET)
			.build();
		McpClient client = McpClientFactory.builder()
			.eraVerdicts(EraVerdicts.inMemory())
			.build()
			.create(McpWireMock.settings(mcp), McpClientHandlers.none(), authorization);

		assertThat(client.listTools().tools()).hasSize(1);

		as.verify(postRequestedFor(urlEqualTo("/token")).withRequestBody(containing("grant_type=client_credentials"))
			.withRequestBody(containing("scope=tools%3Aread"))
			.withRequestBody(containing("resource="))
			.withHeader("Authorization", containing("Basic ")));
		assertThat(authorization.state().authorized()).isTrue();
		assertThat(authorization.state().issuer()).isEqualTo(as.baseUrl());
		assertThat(authorization.state().toString()).doesNotContain(TOKEN, SECRET);
	}

	@Test
	void privateKeyJwtSendsOneClientIdAndASignedAssertion() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		OAuthAuthorization authorization = OAuthAuthorization.builder()
			.grant(OAuthGrant.CLIENT_CREDENTIALS)
			.clientId("key-service")
			.privateKeyJwt(generator.generateKeyPair().getPrivate(), "RS256")
			.build();
		McpClient client = McpClientFactory.builder()
			.eraVerdicts(EraVerdicts.inMemory())
			.build()
			.create(McpWireMock.settings(mcp), McpClientHandlers.none(), authorization);

		assertThat(client.listTools().tools()).hasSize(1);

		LoggedRequest token = as.findAll(postRequestedFor(urlEqualTo("/token"))).get(0);
		// Authorization servers refuse a parameter sent twice.
		assertThat(token.getBodyAsString().split("client_id=", -1)).hasSize(2);
		assertThat(token.getBodyAsString()).contains("client_assertion=")
			.contains("client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer");
		assertThat(token.containsHeader("Authorization")).isFalse();
	}

	@Test
	void buildingAnAuthorizationBuildsNoHttpClientUntilTheFirstAuthorization() {
		AtomicInteger builds = new AtomicInteger();
		OAuthAuthorization authorization = OAuthAuthorization.builder()
			.grant(OAuthGrant.CLIENT_CREDENTIALS)
			.clientId("reporting-service")
			.clientSecret(SECRET)
			.webClient(() -> {
				builds.incrementAndGet();
				return WebClient.create();
			})
			.build();
		McpClient client = McpClientFactory.builder()
			.eraVerdicts(EraVerdicts.inMemory())
			.build()
			.create(McpWireMock.settings(mcp), McpClientHandlers.none(), authorization);
		assertThat(builds).hasValue(0);

		assertThat(client.listTools().tools()).hasSize(1);
		client.listTools();
		assertThat(builds).hasValue(1);
	}

	@Test
	void jwtBearerGrantPresentsAnAssertionForTheIssuer() {
		List<String> audiences = new CopyOnWriteArrayList<>();
		OAuthAuthorization authorization = OAuthAuthorization.builder()
			.grant(OAuthGrant.JWT_BEARER)
			.clientId("workload")
			.assertion((issuer, resource) -> {
				audiences.add(issuer);
				return Mono.just(new com.nimbusds.jwt.PlainJWT(
						new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("job-42").audience(issuer).build())
					.serialize());
			})
			.build();
		McpClient client = McpClientFactory.builder()
			.eraVerdicts(EraVerdicts.inMemory())
			.build()
			.create(McpWireMock.settings(mcp), McpClientHandlers.none(), authorization);

		assertThat(client.listTools().tools()).hasSize(1);

		assertThat(audiences).containsExactly(as.baseUrl());
		as.verify(postRequestedFor(urlEqualTo("/token"))
			.withRequestBody(containing("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer"))
			.withRequestBody(containing("assertion=ey"))
			.withRequestBody(containing("resource=")));
	}

	@Test
	void failedAuthorizationDuringEraDiscoveryIsNoEraVerdict() {
		stubResourceMetadata("https://elsewhere.example.com/mcp");
		mcp.stubFor(rpc("server/discover").willReturn(aResponse().withStatus(401)
			.withHeader("WWW-Authenticate",
					"Bearer resource_metadata=\"" + mcp.baseUrl() + "/.well-known/oauth-protected-resource/mcp\"")));
		EraVerdicts verdicts = EraVerdicts.inMemory();
		OAuthAuthorization authorization = OAuthAuthorization.builder().userAgent(approving(as.baseUrl())).build();
		McpClient client = McpClientFactory.builder()
			.eraVerdicts(verdicts)
			.build()
			.create(McpWireMock.settings(mcp).toBuilder().era(null).build(), McpClientHandlers.none(), authorization);

		assertThatExceptionOfType(McpAuthorizationFlowException.class).isThrownBy(client::listTools)
			.withMessageContaining("https://elsewhere.example.com/mcp");
		mcp.verify(1, rpcRequested("server/discover"));
		mcp.verify(0, rpcRequested("initialize"));
		assertThat(verdicts.get(McpWireMock.endpoint(mcp))).isNull();
	}

	McpAuthorizationFlowException listToolsFails(AuthorizationCodeUserAgent userAgent) {
		McpClient client = client(userAgent);
		McpAuthorizationFlowException ex = assertThatExceptionOfType(McpAuthorizationFlowException.class)
			.isThrownBy(client::listTools)
			.actual();
		assertThat(ex.getMessage()).doesNotContain(TOKEN, REFRESH, SECRET);
		assertThat(mcp.findAll(anyRequestedFor(anyUrl()))).noneMatch(OAuthAuthorizationTests::carriesBearer);
		return ex;
	}

	static boolean carriesBearer(LoggedRequest request) {
		String authorization = request.getHeader("Authorization");
		return authorization != null && authorization.startsWith("Bearer");
	}

}
