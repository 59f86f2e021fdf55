package io.github.mcpclient.protocol;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.mcpclient.protocol.PayloadJson.assertWrites;
import static io.github.mcpclient.protocol.PayloadJson.read;
import static io.github.mcpclient.protocol.PayloadJson.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the JSON form of the {@code resources/*} payloads.
 */
class ResourcePayloadJsonTests {

	@Test
	void readsResourcesListResult() {
		ListResourcesResult result = read("""
				{
				  "resources": [
					{
					  "uri": "file:///project/src/main.rs",
					  "name": "main.rs",
					  "title": "Rust Software Application Main File",
					  "description": "Primary application entry point",
					  "mimeType": "text/x-rust",
					  "size": 2048,
					  "annotations": {"audience": ["assistant"], "priority": 0.8,
									  "lastModified": "2025-05-03T10:00:00Z"},
					  "icons": [{"src": "https://example.com/rust.svg"}],
					  "_meta": {"etag": "abc"}
					},
					{"uri": "https://example.com/data", "name": "data"}
				  ],
				  "nextCursor": "next"
				}
				""", ListResourcesResult.class);
		assertThat(result.nextCursor()).isEqualTo("next");
		assertThat(result.meta()).isNull();
		assertThat(result.resources()).containsExactly(
				new Resource("file:///project/src/main.rs", "main.rs", "Rust Software Application Main File",
						"Primary application entry point", "text/x-rust", 2048L,
						new Annotations(List.of(Role.ASSISTANT), 0.8, "2025-05-03T10:00:00Z"), Map.of("etag", "abc")),
				new Resource("https://example.com/data", "data", null, null, null, null, null, null));
	}

	@Test
	void readsResourceTemplatesListResult() {
		ListResourceTemplatesResult result = read("""
				{
				  "resourceTemplates": [
					{
					  "uriTemplate": "file:///{path}",
					  "name": "Project Files",
					  "title": "📁 Project Files",
					  "description": "Access files in the project directory",
					  "mimeType": "application/octet-stream",
					  "annotations": {"priority": 0.5}
					}
				  ]
				}
				""", ListResourceTemplatesResult.class);
		assertThat(result.nextCursor()).isNull();
		assertThat(result.resourceTemplates()).containsExactly(new ResourceTemplate("file:///{path}", "Project Files",
				"📁 Project Files", "Access files in the project directory", "application/octet-stream",
				new Annotations(null, 0.5, null), null));
	}

	@Test
	void readsResourceReadResultWithTextAndBlobContents() {
		ReadResourceResult result = read("""
				{
				  "contents": [
					{"uri": "file:///project/README.md", "mimeType": "text/markdown", "text": "# Project",
					 "_meta": {"lines": 1}},
					{"uri": "file:///project/logo.png", "mimeType": "image/png", "blob": "iVBORw0KGgo="}
				  ],
				  "_meta": {"cached": true}
				}
				""", ReadResourceResult.class);
		assertThat(result.contents()).containsExactly(
				new TextResourceContents("file:///project/README.md", "text/markdown", "# Project", Map.of("lines", 1)),
				new BlobResourceContents("file:///project/logo.png", "image/png", "iVBORw0KGgo="));
		assertThat(result.meta()).containsEntry("cached", true);
	}

	@Test
	void readResourceResultRoundTrips() {
		ReadResourceResult result = new ReadResourceResult(List.of(new TextResourceContents("file:///a", null, "a"),
				new BlobResourceContents("file:///b", "application/zip", "UEs=", Map.of("k", 1))), null);
		assertWrites(result, """
				{"contents": [{"uri": "file:///a", "text": "a"},
							  {"uri": "file:///b", "mimeType": "application/zip", "blob": "UEs=", "_meta": {"k": 1}}]}
				""");
		assertThat(roundTrip(result, ReadResourceResult.class)).isEqualTo(result);
	}

	@Test
	void writesResourceRequests() {
		assertWrites(new ReadResourceRequest("file:///project/README.md"), """
				{"uri": "file:///project/README.md"}
				""");
		assertWrites(new ReadResourceRequest("file:///x", Map.of("progressToken", 5)), """
				{"uri": "file:///x", "_meta": {"progressToken": 5}}
				""");
		assertWrites(new SubscribeRequest("file:///watched"), """
				{"uri": "file:///watched"}
				""");
		assertWrites(new UnsubscribeRequest("file:///watched"), """
				{"uri": "file:///watched"}
				""");
	}

}
