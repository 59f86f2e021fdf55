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
 * Tests for reading and writing {@link Content} blocks and {@link ResourceContents}.
 */
class ContentJsonTests {

	private static final Annotations ANNOTATIONS = new Annotations(List.of(Role.USER, Role.ASSISTANT), 0.25,
			"2025-01-12T15:00:58Z");

	@Test
	void textContentRoundTrips() {
		TextContent text = new TextContent("hello", ANNOTATIONS, Map.of("trace", "t-1"));
		assertWrites(text, """
				{"type": "text", "text": "hello",
				 "annotations": {"audience": ["user", "assistant"], "priority": 0.25,
								 "lastModified": "2025-01-12T15:00:58Z"},
				 "_meta": {"trace": "t-1"}}
				""");
		assertThat(roundTrip(text, Content.class)).isEqualTo(text);
	}

	@Test
	void textContentWithoutOptionalsWritesOnlyTypeAndText() {
		assertWrites(new TextContent("hi"), """
				{"type": "text", "text": "hi"}
				""");
	}

	@Test
	void imageContentRoundTrips() {
		ImageContent image = new ImageContent("iVBORw0KGgo=", "image/png", ANNOTATIONS, null);
		assertWrites(image, """
				{"type": "image", "data": "iVBORw0KGgo=", "mimeType": "image/png",
				 "annotations": {"audience": ["user", "assistant"], "priority": 0.25,
								 "lastModified": "2025-01-12T15:00:58Z"}}
				""");
		assertThat(roundTrip(image, Content.class)).isEqualTo(image);
	}

	@Test
	void audioContentRoundTrips() {
		AudioContent audio = new AudioContent("UklGRg==", "audio/wav", null, Map.of("seconds", 3));
		assertWrites(audio, """
				{"type": "audio", "data": "UklGRg==", "mimeType": "audio/wav", "_meta": {"seconds": 3}}
				""");
		assertThat(roundTrip(audio, Content.class)).isEqualTo(audio);
	}

	@Test
	void resourceLinkRoundTrips() {
		ResourceLink link = new ResourceLink("file:///project/README.md", "README.md", "Readme", "Project readme",
				"text/markdown", 4_294_967_296L, ANNOTATIONS, null);
		assertWrites(link, """
				{"type": "resource_link", "uri": "file:///project/README.md", "name": "README.md",
				 "title": "Readme", "description": "Project readme", "mimeType": "text/markdown",
				 "size": 4294967296,
				 "annotations": {"audience": ["user", "assistant"], "priority": 0.25,
								 "lastModified": "2025-01-12T15:00:58Z"}}
				""");
		assertThat(roundTrip(link, Content.class)).isEqualTo(link);
	}

	@Test
	void embeddedTextResourceRoundTrips() {
		EmbeddedResource embedded = new EmbeddedResource(
				new TextResourceContents("file:///notes.txt", "text/plain", "remember the milk"), null,
				Map.of("origin", "cache"));
		assertWrites(embedded, """
				{"type": "resource",
				 "resource": {"uri": "file:///notes.txt", "mimeType": "text/plain", "text": "remember the milk"},
				 "_meta": {"origin": "cache"}}
				""");
		assertThat(roundTrip(embedded, Content.class)).isEqualTo(embedded);
	}

	@Test
	void embeddedBlobResourceRoundTrips() {
		EmbeddedResource embedded = new EmbeddedResource(
				new BlobResourceContents("file:///logo.png", "image/png", "iVBORw0KGgo="));
		assertWrites(embedded, """
				{"type": "resource",
				 "resource": {"uri": "file:///logo.png", "mimeType": "image/png", "blob": "iVBORw0KGgo="}}
				""");
		Content copy = roundTrip(embedded, Content.class);
		assertThat(copy).isEqualTo(embedded);
		assertThat(((EmbeddedResource) copy).resource()).isInstanceOf(BlobResourceContents.class);
	}

	@Test
	void unknownContentTypeIsKeptWithItsRawFields() {
		Content content = read("""
				{"type": "hologram", "frames": 24, "layers": [{"depth": 1.5}], "label": null}
				""", Content.class);
		assertThat(content).isInstanceOf(UnknownContent.class);
		UnknownContent unknown = (UnknownContent) content;
		assertThat(unknown.type()).isEqualTo("hologram");
		assertThat(unknown.fields()).containsOnlyKeys("frames", "layers", "label");
		assertThat(unknown.fields()).containsEntry("frames", 24).containsEntry("label", null);
		assertThat(unknown.fields().get("layers")).isEqualTo(List.of(Map.of("depth", 1.5)));
	}

	@Test
	void unknownContentWritesBackWhatWasRead() {
		String json = """
				{"type": "hologram", "frames": 24, "layers": [{"depth": 1.5}], "label": null}
				""";
		Content content = read(json, Content.class);
		assertWrites(content, json);
		assertThat(roundTrip(content, Content.class)).isEqualTo(content);
	}

	@Test
	void unknownContentBuiltByHandWritesItsTypeOnce() {
		UnknownContent content = new UnknownContent("widget", Map.of("type", "ignored", "size", 2));
		assertThat(content.fields()).containsOnlyKeys("size");
		assertWrites(content, """
				{"type": "widget", "size": 2}
				""");
	}

	@Test
	void contentWithoutTypeBecomesUnknownContentWithEmptyType() {
		Content content = read("""
				{"text": "no discriminator"}
				""", Content.class);
		assertThat(content).isInstanceOf(UnknownContent.class);
		assertThat(content.type()).isEmpty();
		assertThat(((UnknownContent) content).fields()).containsExactly(Map.entry("text", "no discriminator"));
		assertWrites(content, """
				{"text": "no discriminator"}
				""");
	}

	@Test
	void knownContentIgnoresUnknownFields() {
		Content content = read("""
				{"type": "text", "text": "hi", "futureField": {"nested": true}}
				""", Content.class);
		assertThat(content).isEqualTo(new TextContent("hi"));
	}

	@Test
	void contentTypesReportTheirJsonType() {
		assertThat(new TextContent("t").type()).isEqualTo("text");
		assertThat(new ImageContent("d", "image/png").type()).isEqualTo("image");
		assertThat(new AudioContent("d", "audio/wav").type()).isEqualTo("audio");
		assertThat(new ResourceLink("u", "n").type()).isEqualTo("resource_link");
		assertThat(new EmbeddedResource(new TextResourceContents("u", null, "t")).type()).isEqualTo("resource");
	}

	@Test
	void resourceContentsAreToldApartByTheirFields() {
		ResourceContents text = read("""
				{"uri": "file:///a.txt", "text": "alpha", "extra": 1}
				""", ResourceContents.class);
		ResourceContents blob = read("""
				{"uri": "file:///a.bin", "mimeType": "application/octet-stream", "blob": "AAEC",
				 "_meta": {"k": "v"}}
				""", ResourceContents.class);
		assertThat(text).isEqualTo(new TextResourceContents("file:///a.txt", null, "alpha"));
		assertThat(blob)
			.isEqualTo(new BlobResourceContents("file:///a.bin", "application/octet-stream", "AAEC", Map.of("k", "v")));
		assertThat(blob.meta()).containsEntry("k", "v");
	}

	@Test
	void emptyTextStillCountsAsTextContents() {
		ResourceContents contents = read("""
				{"uri": "file:///empty.txt", "text": ""}
				""", ResourceContents.class);
		assertThat(contents).isEqualTo(new TextResourceContents("file:///empty.txt", null, ""));
	}

	@Test
	void resourceContentsWithNeitherTextNorBlobAreRejected() {
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> read("""
				{"uri": "file:///mystery"}
				""", ResourceContents.class));
	}

	@Test
	void annotationsAreOptionalAndAudienceIsImmutable() {
		Annotations annotations = read("""
				{"priority": 1}
				""", Annotations.class);
		assertThat(annotations).isEqualTo(new Annotations(null, 1.0, null));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> ANNOTATIONS.audience().add(Role.USER));
	}

	@Test
	void rolesUseLowerCaseJson() {
		assertWrites(Role.USER, "\"user\"");
		assertWrites(Role.ASSISTANT, "\"assistant\"");
		assertThat(read("\"assistant\"", Role.class)).isEqualTo(Role.ASSISTANT);
	}

}
