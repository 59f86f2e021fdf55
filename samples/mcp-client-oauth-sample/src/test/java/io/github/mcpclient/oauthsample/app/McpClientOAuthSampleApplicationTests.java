package io.github.mcpclient.oauthsample.app;

import io.github.mcpclient.oauthsample.server.EmbeddedOAuthServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.json.BasicJsonTester;
import org.springframework.boot.test.json.JsonContent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpClientOAuthSampleApplication} with its embedded authorization
 * server and protected MCP server.
 */
// Port 0 keeps the test off 3003 and 8081, which a developer may have the sample on.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.oauth-server.port=0", "sample.oauth-server.client-secret=test-secret-5d1c" })
@ExtendWith(OutputCaptureExtension.class)
class McpClientOAuthSampleApplicationTests {

	@Autowired
	private EmbeddedOAuthServer server;

	@LocalServerPort
	private int port;

	private final BasicJsonTester json = new BasicJsonTester(getClass());

	@Test
	void runnerCallsTheProtectedServerAsTheConfiguredClient(CapturedOutput output) {
		assertThat(output).contains("Called my_notes on 'notes': notes of " + EmbeddedOAuthServer.CLIENT_ID)
			.doesNotContain("test-secret-5d1c");
	}

	@Test
	void endpointShowsTheAuthorizationStateWithoutTheTokenOrSecret() {
		String body = RestClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri("/actuator/mcp/notes")
			.retrieve()
			.body(String.class);
		JsonContent<Object> content = this.json.from(body);
		assertThat(content).extractingJsonPathStringValue("$.authorization.kind").isEqualTo("client-credentials");
		assertThat(content).extractingJsonPathBooleanValue("$.authorization.authorized").isTrue();
		assertThat(content).extractingJsonPathStringValue("$.authorization.issuer").isEqualTo(this.server.origin());
		assertThat(content).extractingJsonPathArrayValue("$.authorization.scopes").containsExactly("mcp.tools");
		assertThat(body).doesNotContain("test-secret-5d1c").doesNotContain("eyJ");
	}

}
