package io.github.mcpclient.sample;

import java.util.Map;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.protocol.CallToolResult;
import io.github.mcpclient.protocol.GetPromptResult;
import io.github.mcpclient.protocol.ReadResourceResult;
import io.github.mcpclient.protocol.TextContent;
import io.github.mcpclient.protocol.TextResourceContents;
import io.github.mcpclient.protocol.Tool;
import io.github.mcpclient.sample.server.EmbeddedMcpServer;
import io.github.mcpclient.session.SessionIds;
import io.github.mcpclient.session.SessionState;
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
 * Tests for {@link McpClientSampleApplication} with its embedded MCP server.
 */
// Port 0 keeps the test off 3001, which a developer may have the sample running on.
// The output capture sees the runner's log only because no other test class loads this
// same context before this one (a cached context would not start again).
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.embedded-server.port=0")
@ExtendWith(OutputCaptureExtension.class)
class McpClientSampleApplicationTests {

	@Autowired
	private McpClient client;

	@Autowired
	private EmbeddedMcpServer server;

	@LocalServerPort
	private int port;

	private final BasicJsonTester json = new BasicJsonTester(getClass());

	@Test
	void clientTalksToTheEmbeddedServerOnItsRandomPort() {
		assertThat(this.server.port()).isNotEqualTo(3001);
		assertThat(this.client.session().url()).hasToString(this.server.url());
	}

	@Test
	void runnerLogsTheToolsAndTheSumAtStartup(CapturedOutput output) {
		assertThat(output)
			.contains("Connected to " + EmbeddedMcpServer.NAME + " " + EmbeddedMcpServer.VERSION + " at "
					+ this.server.url())
			.contains("The server offers 3 tools:")
			.contains("  add_numbers - Adds two numbers and returns their sum")
			.contains("  echo - Returns the message it is given")
			.contains("Called add_numbers {a=2, b=3}: 5");
	}

	@Test
	void clientListsTheEmbeddedServersToolsAndAddsNumbers() {
		assertThat(this.client.listAllTools()).extracting(Tool::name)
			.containsExactlyInAnyOrder("add_numbers", "echo", "current_time");
		CallToolResult result = this.client.callTool("add_numbers", Map.of("a", 2, "b", 3));
		assertThat(result.isError()).isFalse();
		assertThat(result.content()).singleElement()
			.isInstanceOfSatisfying(TextContent.class, (text) -> assertThat(text.text()).isEqualTo("5"));
		assertThat(this.client.session().state()).isEqualTo(SessionState.READY);
	}

	@Test
	void toolArgumentsThatBreakTheSchemaGiveAFailedToolResult() {
		CallToolResult result = this.client.callTool("add_numbers", Map.of("a", "two", "b", 3));
		assertThat(result.isError()).isTrue();
	}

	@Test
	void clientReadsTheEmbeddedServersResourceAndPrompt() {
		ReadResourceResult resource = this.client.readResource("sample://about");
		assertThat(resource.contents()).singleElement()
			.isInstanceOfSatisfying(TextResourceContents.class,
					(contents) -> assertThat(contents.text()).contains("mcp-client-sample"));
		GetPromptResult prompt = this.client.getPrompt("greeting", Map.of("name", "Ada"));
		assertThat(prompt.messages()).singleElement()
			.satisfies((message) -> assertThat(message.content()).isInstanceOfSatisfying(TextContent.class,
					(text) -> assertThat(text.text()).isEqualTo("Please greet Ada warmly.")));
	}

	@Test
	void actuatorShowsTheDemoConnectionWithItsSessionIdMasked() {
		// Whatever ran before, the connection is up and this is its session
		this.client.ping();
		String sessionId = this.client.session().sessionId();
		assertThat(sessionId).isNotBlank();
		JsonContent<Object> body = this.json.from(get("/actuator/mcp"));
		assertThat(body).extractingJsonPathStringValue("$.connections.demo.name").isEqualTo("demo");
		assertThat(body).extractingJsonPathStringValue("$.connections.demo.url").isEqualTo(this.server.url());
		assertThat(body).extractingJsonPathStringValue("$.connections.demo.state").isEqualTo("READY");
		assertThat(body).extractingJsonPathStringValue("$.connections.demo.protocolVersion")
			.isIn("2025-11-25", "2025-06-18", "2025-03-26");
		assertThat(body).extractingJsonPathStringValue("$.connections.demo.serverName")
			.isEqualTo(EmbeddedMcpServer.NAME);
		assertThat(body).extractingJsonPathStringValue("$.connections.demo.serverVersion")
			.isEqualTo(EmbeddedMcpServer.VERSION);
		assertThat(body).extractingJsonPathStringValue("$.connections.demo.sessionId")
			.isNotEqualTo(sessionId)
			.isEqualTo(SessionIds.mask(sessionId));
	}

	@Test
	void actuatorShowsOneConnectionByName() {
		this.client.ping();
		JsonContent<Object> body = this.json.from(get("/actuator/mcp/demo"));
		assertThat(body).extractingJsonPathStringValue("$.name").isEqualTo("demo");
		assertThat(body).extractingJsonPathStringValue("$.state").isEqualTo("READY");
	}

	@Test
	void actuatorMetricsTimeTheDemoCall() {
		// The demo runner called add_numbers at startup; this call makes sure of one
		this.client.callTool("add_numbers", Map.of("a", 2, "b", 3));
		JsonContent<Object> names = this.json.from(get("/actuator/metrics"));
		assertThat(names).extractingJsonPathArrayValue("$.names").contains("mcp.client.operation.duration");
		String calls = get("/actuator/metrics/mcp.client.operation.duration?tag=gen_ai.tool.name:add_numbers");
		assertThat(this.json.from(calls)).extractingJsonPathStringValue("$.measurements[0].statistic")
			.isEqualTo("COUNT");
		assertThat(this.json.from(calls)).extractingJsonPathNumberValue("$.measurements[0].value")
			.satisfies((count) -> assertThat(count.doubleValue()).isGreaterThanOrEqualTo(1));
		assertThat(this.json.from(calls)).extractingJsonPathArrayValue("$.availableTags[*].tag")
			.contains("mcp.method.name", "mcp.protocol.version", "error.type", "server.address");
		assertThat(calls).contains("\"tools/call\"");
	}

	private String get(String path) {
		return RestClient.create("http://localhost:" + this.port).get().uri(path).retrieve().body(String.class);
	}

}
