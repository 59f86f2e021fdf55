package io.github.mcpclient;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mcpclient.exception.AuthenticationChallenge;
import io.github.mcpclient.exception.McpAuthorizationException;
import io.github.mcpclient.exception.McpServerBusyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.github.mcpclient.McpWireMock.json;
import static io.github.mcpclient.McpWireMock.rpc;
import static io.github.mcpclient.McpWireMock.stubHandshake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A refusal of credentials or permission, and a request to come back later, reach the
 * caller as typed errors carrying what the server's headers said.
 */
class TypedHttpErrorTests {

	private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtY3AifQ.c2lnbmF0dXJlLWhlcmU";

	private static final String METADATA = "https://mcp.example.com/.well-known/oauth-protected-resource/mcp";

	@RegisterExtension
	static final WireMockExtension server = McpWireMock.extension();

	private McpClient client;

	@BeforeEach
	void start() {
		this.client = McpWireMock.client(
				McpWireMock.settings(server).toBuilder().headers(Map.of("Authorization", "Bearer " + TOKEN)).build());
		stubHandshake(server, "session-0123456789abcdef");
	}

	@Test
	void unauthorizedCarriesTheBearerChallenge() {
		answerToolsList(aResponse().withStatus(401)
			.withHeader("WWW-Authenticate", "Bearer realm=\"mcp\", error=\"invalid_token\", "
					+ "error_description=\"token expired\", resource_metadata=\"" + METADATA + "\""));

		McpAuthorizationException ex = listToolsFailsWith(McpAuthorizationException.class);

		assertThat(ex.getStatus()).isEqualTo(401);
		assertThat(ex.isAuthenticationFailure()).isTrue();
		assertThat(ex.isInsufficientScope()).isFalse();
		AuthenticationChallenge challenge = ex.getChallenge();
		assertThat(challenge.scheme()).isEqualTo("Bearer");
		assertThat(challenge.realm()).isEqualTo("mcp");
		assertThat(challenge.error()).isEqualTo("invalid_token");
		assertThat(challenge.errorDescription()).isEqualTo("token expired");
		assertThat(challenge.resourceMetadata()).isEqualTo(METADATA);
		assertThat(ex.getMessage()).startsWith("MCP connection 'test', method 'tools/list': HTTP 401")
			.contains("error=\"invalid_token\"", "token expired");
	}

	@Test
	void forbiddenForWantOfScopeSaysWhichScope() {
		answerToolsList(aResponse().withStatus(403)
			.withHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"files:read files:write\", "
					+ "resource_metadata=\"" + METADATA + "\""));

		McpAuthorizationException ex = listToolsFailsWith(McpAuthorizationException.class);

		assertThat(ex.getStatus()).isEqualTo(403);
		assertThat(ex.isAuthenticationFailure()).isTrue();
		assertThat(ex.isInsufficientScope()).isTrue();
		assertThat(ex.getChallenge().scopes()).containsExactly("files:read", "files:write");
		assertThat(ex.getMessage()).contains("HTTP 403", "insufficient_scope", "files:read files:write");
	}

	@Test
	void theBearerChallengeIsFoundAmongSeveral() {
		answerToolsList(aResponse().withStatus(401)
			.withHeader("WWW-Authenticate", "Basic realm=\"legacy\"")
			.withHeader("WWW-Authenticate", "Negotiate, Bearer resource_metadata=\"" + METADATA + "\""));

		McpAuthorizationException ex = listToolsFailsWith(McpAuthorizationException.class);

		assertThat(ex.getChallenges()).extracting(AuthenticationChallenge::scheme)
			.containsExactly("Basic", "Negotiate", "Bearer");
		assertThat(ex.getChallenge().resourceMetadata()).isEqualTo(METADATA);
	}

	@ParameterizedTest
	@ValueSource(ints = { 401, 403 })
	void withoutAChallengeItIsStillAnAuthorizationFailure(int status) {
		answerToolsList(aResponse().withStatus(status));

		McpAuthorizationException ex = listToolsFailsWith(McpAuthorizationException.class);

		assertThat(ex.getChallenges()).isEmpty();
		assertThat(ex.getChallenge()).isNull();
		assertThat(ex.isAuthenticationFailure()).isTrue();
	}

	@Test
	void aChallengeQuotingTheTokenIsRedactedButItsMetadataUrlIsKept() {
		answerToolsList(aResponse().withStatus(401)
			.withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"token " + TOKEN
					+ " revoked\", resource_metadata=\"" + METADATA + "\""));

		McpAuthorizationException ex = listToolsFailsWith(McpAuthorizationException.class);

		assertThat(ex.getChallenge().errorDescription()).isEqualTo("token **** revoked");
		assertThat(ex.getChallenge().resourceMetadata()).isEqualTo(METADATA);
		assertThat(ex.getMessage()).doesNotContain(TOKEN);
	}

	@Test
	void aNotificationRefusedIsAnAuthorizationFailureToo() {
		this.client.initialize();
		server.stubFor(rpc("notifications/custom")
			.willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")));

		assertThatExceptionOfType(McpAuthorizationException.class)
			.isThrownBy(() -> this.client.notify("notifications/custom", Map.of()))
			.satisfies((ex) -> assertThat(ex.getChallenge().error()).isEqualTo("invalid_token"));
	}

	// A tool call is not repeated on its own, so the caller hears at once.
	@ParameterizedTest
	@ValueSource(ints = { 429, 503 })
	void comeBackLaterCarriesRetryAfter(int status) {
		server.stubFor(rpc("tools/call").willReturn(aResponse().withStatus(status).withHeader("Retry-After", "7")));

		assertThatExceptionOfType(McpServerBusyException.class)
			.isThrownBy(() -> this.client.callTool("add", Map.of("a", 1)))
			.satisfies((ex) -> {
				assertThat(ex.getStatus()).isEqualTo(status);
				assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(7));
				assertThat(ex.getMessage()).startsWith("MCP connection 'test', method 'tools/call': HTTP " + status)
					.contains("retry after 7000 ms");
			});
		server.stubFor(rpc("ping").willReturn(json("{}")));
		this.client.ping();
	}

	private void answerToolsList(ResponseDefinitionBuilder response) {
		server.stubFor(rpc("tools/list").willReturn(response));
	}

	private <E extends Throwable> E listToolsFailsWith(Class<E> type) {
		return assertThatExceptionOfType(type).isThrownBy(this.client::listTools).actual();
	}

}
