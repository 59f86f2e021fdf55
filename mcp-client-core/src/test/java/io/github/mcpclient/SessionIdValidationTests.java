package io.github.mcpclient;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mcpclient.exception.McpInvalidResponseException;
import io.github.mcpclient.session.SessionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static io.github.mcpclient.McpWireMock.json;
import static io.github.mcpclient.McpWireMock.rpc;
import static io.github.mcpclient.McpWireMock.stubHandshake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A session id goes out with every request, so one that is not visible ASCII, or is
 * absurdly long, is refused at initialize rather than repeated; the caller learns why,
 * never what the id was.
 */
class SessionIdValidationTests {

	@RegisterExtension
	static final WireMockExtension server = McpWireMock.extension();

	@ParameterizedTest
	@ValueSource(strings = { "zqx id-0123456789", "zqx\u00f3n-0123456789", "\u00ff\u00fe-0123456789" })
	void refusesAnIdThatIsNotVisibleAscii(String sessionId) {
		McpClient client = McpWireMock.blockingClient(server);
		stubHandshake(server, sessionId);

		assertThatExceptionOfType(McpInvalidResponseException.class).isThrownBy(client::ping)
			.withMessageStartingWith("MCP connection 'test', method 'initialize': ")
			.withMessageContaining("not visible ASCII")
			.withMessageNotContaining("zqx")
			.withMessageNotContaining("0123456789");
		assertThat(client.session().state()).isEqualTo(SessionState.FAILED);
		assertThat(client.statistics().lastError().message()).doesNotContain("0123456789");
		server.verify(0, anyRequestedFor(anyUrl()).withHeader("MCP-Session-Id", containing("0123456789")));
	}

	@Test
	void refusesAnAbsurdlyLongId() {
		McpClient client = McpWireMock.blockingClient(server);
		String sessionId = "long-".repeat(400);
		stubHandshake(server, sessionId);

		assertThatExceptionOfType(McpInvalidResponseException.class).isThrownBy(client::ping)
			.withMessageStartingWith("MCP connection 'test', method 'initialize': ")
			.withMessageContaining("2000 characters long, more than 1024")
			.withMessageNotContaining("long-long");
		server.verify(0, anyRequestedFor(anyUrl()).withHeader("MCP-Session-Id", containing("long-long")));
	}

	@Test
	void theNextHandshakeWithAGoodIdWorks() {
		McpClient client = McpWireMock.blockingClient(server);
		stubHandshake(server, "bad id-0123456789");
		assertThatExceptionOfType(McpInvalidResponseException.class).isThrownBy(client::ping);

		stubHandshake(server, "good-id-0123456789");
		server.stubFor(rpc("ping").willReturn(json("{}")));
		client.ping();

		assertThat(client.session().sessionId()).isEqualTo("good-id-0123456789");
	}

}
