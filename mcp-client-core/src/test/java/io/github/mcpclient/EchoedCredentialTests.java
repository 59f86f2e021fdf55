package io.github.mcpclient;

import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mcpclient.exception.McpException;
import io.github.mcpclient.exception.McpInvalidResponseException;
import io.github.mcpclient.exception.McpProtocolException;
import io.github.mcpclient.exception.McpTransportException;
import io.github.mcpclient.protocol.JsonRpcError;
import io.github.mcpclient.session.McpSessionStatistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.github.mcpclient.McpWireMock.ECHO_ID;
import static io.github.mcpclient.McpWireMock.rpc;
import static io.github.mcpclient.McpWireMock.stubHandshake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A server that echoes the client's credentials, or a token of its own, in an error page
 * or a JSON-RPC error: none of it reaches what the client keeps, neither the exception
 * nor the statistics the health indicator and the Actuator endpoint show.
 */
class EchoedCredentialTests {

	private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtY3AtY2xpZW50In0.Zm9vYmFyYmF6cXV4";

	private static final String API_KEY = "ak_live_7Hq2x9Lm4Pz8";

	// A token the client never sent, such as one a proxy added.
	private static final String FOREIGN_TOKEN = "Xk9fQ2mW7pL4vR8sT1uY6zA3bC5dE0gH";

	private static final String SESSION = "session-0123456789abcdef";

	@RegisterExtension
	static final WireMockExtension server = McpWireMock.extension();

	private McpClient client;

	@BeforeEach
	void start() {
		this.client = McpWireMock.client(McpWireMock.settings(server)
			.toBuilder()
			.headers(Map.of("Authorization", "Bearer " + TOKEN, "X-Api-Key", API_KEY))
			.build());
		stubHandshake(server, SESSION);
	}

	@Test
	void anErrorPageEchoingTheRequestHeaders() {
		answerToolsList(aResponse().withStatus(400)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body><h1>Bad Request</h1><pre>Authorization: Bearer " + TOKEN + "\nX-Api-Key: " + API_KEY
					+ "\nX-Upstream-Auth: Bearer " + FOREIGN_TOKEN + "\nMcp-Session-Id: " + SESSION
					+ "</pre></body></html>"));

		McpTransportException ex = listToolsFails(McpTransportException.class);

		assertThat(ex.getBodyExcerpt()).contains("Bad Request", "Authorization: ****", "X-Upstream-Auth: Bearer ****");
		assertNothingSecretKept(ex);
	}

	@Test
	void aJsonRpcErrorInAnErrorResponseQuotingTheToken() {
		answerToolsList(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"jsonrpc\":\"2.0\",\"id\":" + ECHO_ID + ",\"error\":{\"code\":-32001,\"message\":" + "\"token "
					+ TOKEN + " expired\",\"data\":{\"received\":{\"authorization\":\"Bearer " + TOKEN
					+ "\",\"x-api-key\":\"" + API_KEY + "\"}}}}")
			.withTransformers("response-template"));

		McpTransportException ex = listToolsFails(McpTransportException.class);

		assertThat(ex.getRpcError().code()).isEqualTo(-32001);
		assertThat(ex.getRpcError().message()).isEqualTo("token **** expired");
		assertNothingSecretKept(ex);
	}

	@Test
	void aJsonRpcErrorResultQuotingTheToken() {
		answerToolsList(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"jsonrpc\":\"2.0\",\"id\":" + ECHO_ID + ",\"error\":{\"code\":-32603,\"message\":"
					+ "\"upstream refused Bearer " + FOREIGN_TOKEN + "\",\"data\":[\"" + TOKEN + "\",\"" + API_KEY
					+ "\"]}}")
			.withTransformers("response-template"));

		McpProtocolException ex = listToolsFails(McpProtocolException.class);

		assertThat(ex.getError().message()).isEqualTo("upstream refused Bearer ****");
		assertThat(ex.getData()).hasToString("[\"****\",\"****\"]");
		assertNothingSecretKept(ex);
	}

	@Test
	void aJsonRpcErrorOnAnEventStreamQuotingTheApiKey() {
		answerToolsList(McpWireMock.sse("data: {\"jsonrpc\":\"2.0\",\"id\":" + ECHO_ID
				+ ",\"error\":{\"code\":-32000,\"message\":\"denied for " + API_KEY + "\"}}\n\n"));

		McpProtocolException ex = listToolsFails(McpProtocolException.class);

		assertThat(ex.getMessage()).endsWith("denied for ****");
		assertNothingSecretKept(ex);
	}

	@Test
	void aResultOfTheWrongShapeQuotingTheToken() {
		// The JSON parser quotes a value it cannot bind, such as an unknown role.
		server.stubFor(rpc("prompts/get").willReturn(McpWireMock.json("{\"messages\":[{\"role\":\"Bearer "
				+ FOREIGN_TOKEN + "\",\"content\":{\"type\":\"text\",\"text\":\"hi\"}}]}")));

		McpInvalidResponseException ex = assertThatExceptionOfType(McpInvalidResponseException.class)
			.isThrownBy(() -> this.client.getPrompt("greet", Map.of()))
			.actual();

		assertThat(ex.getMessage()).contains("does not match GetPromptResult", "Bearer ****")
			.doesNotContain(FOREIGN_TOKEN);
		assertThat(this.client.statistics().lastError().message()).doesNotContain(FOREIGN_TOKEN);
	}

	@Test
	void anAnswerToAnotherRequestWhoseIdIsTheToken() {
		answerToolsList(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"jsonrpc\":\"2.0\",\"id\":\"" + TOKEN + "\",\"result\":{\"tools\":[]}}"));

		McpInvalidResponseException ex = listToolsFails(McpInvalidResponseException.class);

		assertThat(ex.getMessage()).contains("server answered with id");
		assertNothingSecretKept(ex);
	}

	private void answerToolsList(ResponseDefinitionBuilder response) {
		server.stubFor(rpc("tools/list").willReturn(response));
	}

	private <E extends McpException> E listToolsFails(Class<E> type) {
		return assertThatExceptionOfType(type).isThrownBy(this.client::listTools).actual();
	}

	private void assertNothingSecretKept(McpException ex) {
		StringBuilder kept = new StringBuilder(ex.getMessage());
		if (ex instanceof McpTransportException transport && transport.getBodyExcerpt() != null) {
			kept.append(transport.getBodyExcerpt());
		}
		JsonRpcError error = ex.getRpcError();
		if (error != null) {
			kept.append(error.message()).append(error.data());
		}
		McpSessionStatistics.LastError lastError = this.client.statistics().lastError();
		assertThat(lastError).isNotNull();
		kept.append(lastError.message());
		assertThat(kept.toString()).startsWith("MCP connection 'test', method 'tools/list': ")
			.doesNotContain(TOKEN, API_KEY, FOREIGN_TOKEN, SESSION, TOKEN.substring(TOKEN.lastIndexOf('.') + 1));
	}

}
