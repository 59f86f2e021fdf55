package io.github.mcpclient.auth;

import java.net.URI;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.mcpclient.EraVerdicts;
import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClientHandlers;
import io.github.mcpclient.McpWireMock;
import io.github.mcpclient.engine.McpClientFactory;
import io.github.mcpclient.exception.McpAuthorizationFlowException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
 * DPoP (RFC 9449): proofs that verify with the key they carry and bind the request and
 * the token, and the one retry with a nonce the authorization server or the MCP server
 * asks for.
 */
class DpopTests {

	static final String TOKEN = "dpop-bound-token-8e21";

	static final String AS_NONCE = "as-nonce-1";

	static final String RS_NONCE = "rs-nonce-2";

	@RegisterExtension
	static final WireMockExtension mcp = McpWireMock.extension();

	@RegisterExtension
	static final WireMockExtension as = McpWireMock.extension();

	@Test
	void proofCarriesTheRequestAndVerifiesWithItsEmbeddedKey() throws Exception {
		DpopProofs proofs = DpopProofs.ephemeral();
		String proof = proofs.proof("post", URI.create("https://Mcp.Example.com:8443/mcp?x=1#f"), "token-1");

		SignedJWT jwt = SignedJWT.parse(proof);
		assertThat(jwt.getHeader().getType().getType()).isEqualTo("dpop+jwt");
		assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
		ECKey key = (ECKey) jwt.getHeader().getJWK();
		assertThat(key.isPrivate()).isFalse();
		assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getStringClaim("htm")).isEqualTo("POST");
		assertThat(claims.getStringClaim("htu")).isEqualTo("https://mcp.example.com:8443/mcp");
		assertThat(claims.getIssueTime().toInstant()).isCloseTo(java.time.Instant.now(),
				org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.SECONDS));
		assertThat(claims.getJWTID()).isNotBlank();
		assertThat(claims.getClaim("nonce")).isNull();
		// base64url(SHA-256("token-1"))
		assertThat(claims.getStringClaim("ath")).isEqualTo(DpopProofs.ath("token-1"))
			.isEqualTo("PwiqzhIu4jaEMsHKI6BJvGQLr78A_fM6UkKfOLoS2_k");
	}

	@Test
	void everyProofIsFreshAndCarriesTheLatestNonceOfItsOrigin() throws Exception {
		DpopProofs proofs = DpopProofs.ephemeral();
		URI as = URI.create("https://as.example.com/token");
		URI other = URI.create("https://mcp.example.com/mcp");
		proofs.nonce(URI.create("https://as.example.com/other"), "n1");
		proofs.nonce(as, "n2");

		String first = proofs.proof("POST", as, null);
		String second = proofs.proof("POST", as, null);
		assertThat(SignedJWT.parse(first).getJWTClaimsSet().getJWTID())
			.isNotEqualTo(SignedJWT.parse(second).getJWTClaimsSet().getJWTID());
		assertThat(DpopProofs.nonceOf(first)).isEqualTo("n2");
		assertThat(SignedJWT.parse(first).getJWTClaimsSet().getClaim("ath")).isNull();
		assertThat(DpopProofs.nonceOf(proofs.proof("POST", other, null))).isNull();
		assertThat(proofs.toString()).isEqualTo("DpopProofs[ES256]");
	}

	@BeforeEach
	void stubServers() {
		stubHandshake(mcp, null);
		mcp.stubFor(get(urlEqualTo("/.well-known/oauth-protected-resource/mcp")).willReturn(okJson(
				"{\"resource\":\"" + mcp.baseUrl() + "/mcp\",\"authorization_servers\":[\"" + as.baseUrl() + "\"]}")));
		as.stubFor(get(urlEqualTo("/.well-known/oauth-authorization-server"))
			.willReturn(okJson("{\"issuer\":\"" + as.baseUrl() + "\",\"authorization_endpoint\":\"" + as.baseUrl()
					+ "/authorize\",\"token_endpoint\":\"" + as.baseUrl()
					+ "/token\",\"code_challenge_methods_supported\":[\"S256\"],"
					+ "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\"],"
					+ "\"dpop_signing_alg_values_supported\":[\"ES256\"]}")));
		// The token endpoint wants its nonce: the first request is refused with it.
		as.stubFor(post(urlEqualTo("/token")).inScenario("as")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("nonce given")
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withHeader("DPoP-Nonce", AS_NONCE)
				.withBody("{\"error\":\"use_dpop_nonce\"}")));
		as.stubFor(post(urlEqualTo("/token")).inScenario("as")
			.whenScenarioStateIs("nonce given")
			.willReturn(okJson("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"DPoP\",\"expires_in\":3600}")));
		// The MCP server asks for a token, then for its nonce, then answers.
		mcp.stubFor(rpc("tools/list").inScenario("rs")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("token asked")
			.willReturn(aResponse().withStatus(401)
				.withHeader("WWW-Authenticate",
						"DPoP resource_metadata=\"" + mcp.baseUrl() + "/.well-known/oauth-protected-resource/mcp\"")));
		mcp.stubFor(rpc("tools/list").inScenario("rs")
			.whenScenarioStateIs("token asked")
			.willSetStateTo("nonce given")
			.willReturn(aResponse().withStatus(401)
				.withHeader("WWW-Authenticate", "DPoP error=\"use_dpop_nonce\"")
				.withHeader("DPoP-Nonce", RS_NONCE)));
		mcp.stubFor(rpc("tools/list").inScenario("rs")
			.whenScenarioStateIs("nonce given")
			.withHeader("Authorization", equalTo("DPoP " + TOKEN))
			.willReturn(json(TOOLS)));
	}

	@Test
	void retriesWithTheNonceAtTheTokenEndpointAndAtTheServer() throws Exception {
		assertThat(client().listTools().tools()).hasSize(1);

		List<LoggedRequest> tokenRequests = as.findAll(postRequestedFor(urlEqualTo("/token")));
		assertThat(tokenRequests).hasSize(2);
		JWTClaimsSet firstTokenProof = verified(tokenRequests.get(0).getHeader("DPoP"));
		JWTClaimsSet secondTokenProof = verified(tokenRequests.get(1).getHeader("DPoP"));
		assertThat(firstTokenProof.getClaim("nonce")).isNull();
		assertThat(secondTokenProof.getStringClaim("nonce")).isEqualTo(AS_NONCE);
		assertThat(secondTokenProof.getStringClaim("htm")).isEqualTo("POST");
		assertThat(secondTokenProof.getStringClaim("htu")).isEqualTo(as.baseUrl() + "/token");

		List<LoggedRequest> calls = mcp.findAll(rpcRequested("tools/list"));
		assertThat(calls).hasSize(3);
		assertThat(calls.get(1).getHeader("Authorization")).isEqualTo("DPoP " + TOKEN);
		JWTClaimsSet refused = verified(calls.get(1).getHeader("DPoP"));
		JWTClaimsSet accepted = verified(calls.get(2).getHeader("DPoP"));
		assertThat(refused.getClaim("nonce")).isNull();
		assertThat(accepted.getStringClaim("nonce")).isEqualTo(RS_NONCE);
		assertThat(accepted.getStringClaim("ath")).isEqualTo(DpopProofs.ath(TOKEN));
		assertThat(accepted.getStringClaim("htm")).isEqualTo("POST");
		assertThat(accepted.getStringClaim("htu")).isEqualTo(mcp.baseUrl() + "/mcp");
		assertThat(accepted.getJWTID()).isNotEqualTo(refused.getJWTID());
		// The token endpoint's and the server's proofs are made with one key.
		assertThat(SignedJWT.parse(calls.get(2).getHeader("DPoP")).getHeader().getJWK().computeThumbprint()).isEqualTo(
				SignedJWT.parse(tokenRequests.get(1).getHeader("DPoP")).getHeader().getJWK().computeThumbprint());
	}

	@Test
	void aTokenIssuedAsBearerIsSentAsOne() {
		as.stubFor(post(urlEqualTo("/token")).atPriority(1)
			.willReturn(okJson("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
		mcp.stubFor(rpc("tools/list").atPriority(1)
			.withHeader("Authorization", equalTo("Bearer " + TOKEN))
			.willReturn(json(TOOLS)));

		assertThat(client().listTools().tools()).hasSize(1);

		assertThat(as.findAll(postRequestedFor(urlEqualTo("/token"))))
			.allMatch((request) -> request.containsHeader("DPoP"));
		LoggedRequest call = mcp.findAll(rpcRequested("tools/list")).get(1);
		assertThat(call.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
		assertThat(call.containsHeader("DPoP")).isFalse();
	}

	@Test
	void theTokenEndpointAsksForItsNonceOnceOnly() {
		as.stubFor(post(urlEqualTo("/token")).atPriority(1)
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withHeader("DPoP-Nonce", AS_NONCE)
				.withBody("{\"error\":\"use_dpop_nonce\"}")));

		assertThatExceptionOfType(McpAuthorizationFlowException.class).isThrownBy(() -> client().listTools())
			.withMessageContaining("use_dpop_nonce");
		assertThat(as.findAll(postRequestedFor(urlEqualTo("/token")))).hasSize(2);
	}

	private static McpClient client() {
		OAuthAuthorization authorization = OAuthAuthorization.builder()
			.grant(OAuthGrant.CLIENT_CREDENTIALS)
			.clientId("dpop-client")
			.clientSecret("dpop-secret")
			.dpop(true)
			.build();
		return McpClientFactory.builder()
			.eraVerdicts(EraVerdicts.inMemory())
			.build()
			.create(McpWireMock.settings(mcp), McpClientHandlers.none(), authorization);
	}

	private static JWTClaimsSet verified(String proof) throws Exception {
		assertThat(proof).isNotNull();
		SignedJWT jwt = SignedJWT.parse(proof);
		assertThat(jwt.verify(new ECDSAVerifier((ECKey) jwt.getHeader().getJWK()))).isTrue();
		return jwt.getJWTClaimsSet();
	}

}
