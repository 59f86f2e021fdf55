package io.github.mcpclient.protocol;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.mcpclient.protocol.PayloadJson.assertWrites;
import static io.github.mcpclient.protocol.PayloadJson.read;
import static io.github.mcpclient.protocol.PayloadJson.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the JSON form of the {@code completion/complete} payloads.
 */
class CompletionPayloadJsonTests {

	@Test
	void writesCompleteRequestForPrompt() {
		CompleteRequest request = new CompleteRequest(new PromptReference("code_review", "Code Review"),
				new CompleteRequest.Argument("language", "py"));
		assertWrites(request, """
				{"ref": {"type": "ref/prompt", "name": "code_review", "title": "Code Review"},
				 "argument": {"name": "language", "value": "py"}}
				""");
		assertThat(roundTrip(request, CompleteRequest.class)).isEqualTo(request);
	}

	@Test
	void writesCompleteRequestForResourceTemplateWithContext() {
		CompleteRequest request = new CompleteRequest(new ResourceTemplateReference("github://repos/{owner}/{repo}"),
				new CompleteRequest.Argument("repo", "mod"),
				new CompleteRequest.Context(Map.of("owner", "modelcontextprotocol")));
		assertWrites(request, """
				{"ref": {"type": "ref/resource", "uri": "github://repos/{owner}/{repo}"},
				 "argument": {"name": "repo", "value": "mod"},
				 "context": {"arguments": {"owner": "modelcontextprotocol"}}}
				""");
		assertThat(roundTrip(request, CompleteRequest.class)).isEqualTo(request);
	}

	@Test
	void readsReferencesByType() {
		assertThat(read("""
				{"type": "ref/prompt", "name": "p"}
				""", CompleteReference.class)).isEqualTo(new PromptReference("p"));
		assertThat(read("""
				{"type": "ref/resource", "uri": "file:///{x}"}
				""", CompleteReference.class)).isEqualTo(new ResourceTemplateReference("file:///{x}"));
	}

	@Test
	void readsCompleteResult() {
		CompleteResult result = read("""
				{"completion": {"values": ["python", "pytorch", "pyside"], "total": 10, "hasMore": true},
				 "_meta": {"source": "index"}}
				""", CompleteResult.class);
		assertThat(result.completion().values()).containsExactly("python", "pytorch", "pyside");
		assertThat(result.completion().total()).isEqualTo(10);
		assertThat(result.completion().hasMore()).isTrue();
		assertThat(result.meta()).containsEntry("source", "index");
	}

	@Test
	void readsMinimalCompleteResult() {
		CompleteResult result = read("""
				{"completion": {"values": []}}
				""", CompleteResult.class);
		assertThat(result.completion()).isEqualTo(new CompleteResult.Completion(List.of(), null, null));
	}

	@Test
	void completeResultWithoutCompletionIsRejected() {
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> read("{}", CompleteResult.class))
			.withStackTraceContaining("'completion' must not be null");
	}

}
