package io.github.mcpclient.protocol;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.mcpclient.protocol.PayloadJson.assertWrites;
import static io.github.mcpclient.protocol.PayloadJson.read;
import static io.github.mcpclient.protocol.PayloadJson.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the JSON form of the {@code prompts/*} payloads.
 */
class PromptPayloadJsonTests {

	@Test
	void readsPromptsListResult() {
		ListPromptsResult result = read("""
				{
				  "prompts": [
					{
					  "name": "code_review",
					  "title": "Request Code Review",
					  "description": "Asks the LLM to analyze code quality and suggest improvements",
					  "arguments": [
						{"name": "code", "description": "The code to review", "required": true},
						{"name": "style", "title": "Style guide"}
					  ],
					  "icons": []
					},
					{"name": "hello"}
				  ],
				  "nextCursor": "c2"
				}
				""", ListPromptsResult.class);
		assertThat(result.nextCursor()).isEqualTo("c2");
		Prompt review = result.prompts().get(0);
		assertThat(review.name()).isEqualTo("code_review");
		assertThat(review.title()).isEqualTo("Request Code Review");
		assertThat(review.arguments()).containsExactly(new PromptArgument("code", null, "The code to review", true),
				new PromptArgument("style", "Style guide", null, null));
		assertThat(review.arguments().get(0).isRequired()).isTrue();
		assertThat(review.arguments().get(1).isRequired()).isFalse();
		Prompt hello = result.prompts().get(1);
		assertThat(hello).isEqualTo(new Prompt("hello", null, null, null, null));
	}

	@Test
	void writesPromptArgumentRequiredFlag() {
		PromptArgument argument = new PromptArgument("code", null, null, true);
		assertWrites(argument, """
				{"name": "code", "required": true}
				""");
		assertThat(roundTrip(argument, PromptArgument.class)).isEqualTo(argument);
		assertWrites(new PromptArgument("opt", null, null, null), """
				{"name": "opt"}
				""");
	}

	@Test
	void readsGetPromptResult() {
		GetPromptResult result = read("""
				{
				  "description": "Code review prompt",
				  "messages": [
					{"role": "user",
					 "content": {"type": "text", "text": "Please review this Python code:\\nprint('hi')"}},
					{"role": "assistant",
					 "content": {"type": "resource",
								 "resource": {"uri": "resource://style-guide", "mimeType": "text/markdown",
											  "text": "Use four spaces"}}},
					{"role": "user", "content": {"type": "image", "data": "aW1n", "mimeType": "image/png"}},
					{"role": "user", "content": {"type": "sketch", "strokes": 3}}
				  ]
				}
				""", GetPromptResult.class);
		assertThat(result.description()).isEqualTo("Code review prompt");
		assertThat(result.meta()).isNull();
		assertThat(result.messages()).containsExactly(
				new PromptMessage(Role.USER, new TextContent("Please review this Python code:\nprint('hi')")),
				new PromptMessage(Role.ASSISTANT,
						new EmbeddedResource(new TextResourceContents("resource://style-guide", "text/markdown",
								"Use four spaces"))),
				new PromptMessage(Role.USER, new ImageContent("aW1n", "image/png")),
				new PromptMessage(Role.USER, new UnknownContent("sketch", Map.of("strokes", 3))));
	}

	@Test
	void getPromptResultRoundTrips() {
		GetPromptResult result = new GetPromptResult(null,
				List.of(new PromptMessage(Role.ASSISTANT, new AudioContent("YXVk", "audio/ogg")),
						new PromptMessage(Role.USER, new ResourceLink("file:///x", "x"))),
				Map.of("m", true));
		assertWrites(result, """
				{"messages": [{"role": "assistant",
				               "content": {"type": "audio", "data": "YXVk", "mimeType": "audio/ogg"}},
							  {"role": "user", "content": {"type": "resource_link", "uri": "file:///x", "name": "x"}}],
				 "_meta": {"m": true}}
				""");
		assertThat(roundTrip(result, GetPromptResult.class)).isEqualTo(result);
	}

	@Test
	void writesGetPromptRequest() {
		assertWrites(new GetPromptRequest("code_review", Map.of("code", "def hello(): pass")), """
				{"name": "code_review", "arguments": {"code": "def hello(): pass"}}
				""");
		assertWrites(new GetPromptRequest("hello", null), """
				{"name": "hello"}
				""");
	}

}
