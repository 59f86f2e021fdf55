package io.github.mcpclient.sample;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.protocol.CallToolResult;
import io.github.mcpclient.protocol.TextContent;
import io.github.mcpclient.protocol.Tool;
import io.github.mcpclient.protocol.ToolAnnotations;
import io.github.mcpclient.session.McpSession;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * Tests for {@link McpClientDemoRunner} against servers other than the embedded one.
 */
@ExtendWith(OutputCaptureExtension.class)
class McpClientDemoRunnerTests {

	private final McpClient client = mock(McpClient.class);

	private final McpClientDemoRunner runner = new McpClientDemoRunner(this.client);

	@BeforeEach
	void session() {
		given(this.client.name()).willReturn("demo");
		given(this.client.session()).willReturn(McpSession.initial("demo", URI.create("http://127.0.0.1:9999/mcp")));
	}

	@Test
	void withoutAddNumbersCallsTheFirstReadOnlyToolThatNeedsNoArguments(CapturedOutput output) {
		given(this.client.listAllTools()).willReturn(List.of(tool("wipe", null, List.of()),
				tool("lookup", true, List.of("key")), tool("clock", true, List.of()), tool("later", true, List.of())));
		given(this.client.callTool(anyString(), anyMap()))
			.willReturn(new CallToolResult(List.of(new TextContent("12:00\n  UTC"))));
		run();
		then(this.client).should().callTool(eq("clock"), eq(Map.of()));
		then(this.client).should(never()).callTool(eq("wipe"), any());
		assertThat(output).contains("calling clock, the first read-only tool that needs no arguments")
			.contains("Called clock {}: 12:00 UTC");
	}

	@Test
	void callsNothingWhenNoToolSaysItIsReadOnly(CapturedOutput output) {
		given(this.client.listAllTools())
			.willReturn(List.of(tool("wipe", null, List.of()), tool("send", false, List.of())));
		run();
		then(this.client).should(never()).callTool(anyString(), anyMap());
		assertThat(output).contains("none was called");
	}

	@Test
	void abbreviatesALongResultToOneLine(CapturedOutput output) {
		given(this.client.listAllTools()).willReturn(List.of(tool("dump", true, List.of())));
		given(this.client.callTool(anyString(), anyMap()))
			.willReturn(new CallToolResult(List.of(new TextContent("x".repeat(500)))));
		run();
		assertThat(output).contains("Called dump {}: " + "x".repeat(200) + "...").doesNotContain("x".repeat(201));
	}

	private void run() {
		this.runner.run(new DefaultApplicationArguments());
	}

	private static Tool tool(String name, @Nullable Boolean readOnly, List<String> required) {
		ToolAnnotations annotations = (readOnly != null) ? new ToolAnnotations(null, readOnly, null, null, null) : null;
		return new Tool(name, null, null, Map.of("type", "object", "required", required), null, annotations, null);
	}

}
