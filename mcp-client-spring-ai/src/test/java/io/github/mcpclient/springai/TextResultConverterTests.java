package io.github.mcpclient.springai;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.mcpclient.protocol.AudioContent;
import io.github.mcpclient.protocol.BlobResourceContents;
import io.github.mcpclient.protocol.CallToolResult;
import io.github.mcpclient.protocol.Content;
import io.github.mcpclient.protocol.EmbeddedResource;
import io.github.mcpclient.protocol.ImageContent;
import io.github.mcpclient.protocol.ResourceLink;
import io.github.mcpclient.protocol.TextContent;
import io.github.mcpclient.protocol.TextResourceContents;
import io.github.mcpclient.protocol.UnknownContent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the model reads of each kind of content a tool returns.
 */
class TextResultConverterTests {

	private final McpToolResultConverter converter = McpToolResultConverter.text();

	@Test
	void textBlocksAreJoinedByLineBreaks() {
		assertThat(convert(new TextContent("Sunny, 21 \u00b0C"), new TextContent("Wind: 3 m/s")))
			.isEqualTo("Sunny, 21 \u00b0C\nWind: 3 m/s");
	}

	@Test
	void nonAsciiTextIsUnchanged() {
		assertThat(convert(new TextContent("\u6771\u4eac: \u6674\u308c \uD83C\uDF1E")))
			.isEqualTo("\u6771\u4eac: \u6674\u308c \uD83C\uDF1E");
	}

	@Test
	void imagesAndAudioAreDescribedNotInlined() {
		assertThat(convert(new ImageContent("iVBORw0KGgo=", "image/png"), new AudioContent("AAAA", "audio/wav")))
			.isEqualTo("[image: image/png, 8 bytes, not shown]\n[audio: audio/wav, 3 bytes, not shown]");
	}

	@Test
	void resourceLinksNameTheirResource() {
		ResourceLink link = new ResourceLink("file:///reports/q3.pdf", "q3.pdf", null, "Third quarter report",
				"application/pdf", null, null, null);

		assertThat(convert(link))
			.isEqualTo("[resource link: q3.pdf <file:///reports/q3.pdf> (application/pdf) - Third quarter report]");
		assertThat(convert(new ResourceLink("file:///a", "a"))).isEqualTo("[resource link: a <file:///a>]");
	}

	@Test
	void embeddedTextResourcesAreShownWithTheirUri() {
		assertThat(convert(new EmbeddedResource(
				new TextResourceContents("file:///notes.md", "text/markdown", "# Notes\n- d\u00e9j\u00e0 vu"))))
			.isEqualTo("[resource <file:///notes.md> (text/markdown)]\n# Notes\n- d\u00e9j\u00e0 vu");
	}

	@Test
	void embeddedBinaryResourcesAreDescribed() {
		assertThat(convert(new EmbeddedResource(new BlobResourceContents("file:///logo.png", "image/png", "AAAAAA=="))))
			.isEqualTo("[resource <file:///logo.png> (image/png), 4 bytes, not shown]");
	}

	@Test
	void contentOfUnknownTypeIsNamed() {
		assertThat(convert(UnknownContent.fromJson(Map.of("type", "hologram", "data", "..."))))
			.isEqualTo("[content of type 'hologram', not shown]");
	}

	@Test
	void structuredContentIsAddedAsJson() {
		CallToolResult result = new CallToolResult(List.of(new TextContent("Forecast ready")),
				Map.of("temperature", 21.5, "unit", "\u00b0C"), null, null);

		assertThat(this.converter.convert(result)).startsWith("Forecast ready\n{")
			.contains("\"temperature\":21.5", "\"unit\":\"\u00b0C\"");
	}

	@Test
	void structuredContentAlreadyRepeatedAsTextIsShownOnce() {
		CallToolResult result = new CallToolResult(List.of(new TextContent("{ \"sum\": 5 }")), Map.of("sum", 5), null,
				null);

		assertThat(this.converter.convert(result)).isEqualTo("{ \"sum\": 5 }");
	}

	@Test
	void structuredContentAloneIsTheAnswerNullsIncluded() {
		Map<String, Object> structured = new LinkedHashMap<>();
		structured.put("sum", 5);
		structured.put("note", null);
		structured.put("parts", List.of(2, 3));

		assertThat(this.converter.convert(new CallToolResult(List.of(), structured, null, null)))
			.isEqualTo("{\"sum\":5,\"note\":null,\"parts\":[2,3]}");
	}

	@Test
	void nothingIsAnEmptyAnswer() {
		assertThat(convert()).isEmpty();
	}

	private String convert(Content... content) {
		return this.converter.convert(new CallToolResult(List.of(content)));
	}

}
