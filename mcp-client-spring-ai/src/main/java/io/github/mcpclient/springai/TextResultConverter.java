package io.github.mcpclient.springai;

import java.util.ArrayList;
import java.util.List;

import io.github.mcpclient.protocol.AudioContent;
import io.github.mcpclient.protocol.BlobResourceContents;
import io.github.mcpclient.protocol.CallToolResult;
import io.github.mcpclient.protocol.Content;
import io.github.mcpclient.protocol.EmbeddedResource;
import io.github.mcpclient.protocol.ImageContent;
import io.github.mcpclient.protocol.ResourceContents;
import io.github.mcpclient.protocol.ResourceLink;
import io.github.mcpclient.protocol.TextContent;
import io.github.mcpclient.protocol.TextResourceContents;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default {@link McpToolResultConverter}: what a language model can read of each kind
 * of content, one block per line.
 */
final class TextResultConverter implements McpToolResultConverter {

	static final TextResultConverter INSTANCE = new TextResultConverter();

	private static final JsonMapper json = JsonMapper.builder().build();

	private TextResultConverter() {
	}

	@Override
	public String convert(CallToolResult result) {
		List<String> blocks = new ArrayList<>();
		JsonNode structured = (result.structuredContent() != null) ? json.valueToTree(result.structuredContent())
				: null;
		boolean structuredShown = false;
		for (Content content : result.content()) {
			if (content instanceof TextContent text) {
				blocks.add(text.text());
				// Servers that return structured content are asked to repeat it as text;
				// the model needs it once
				structuredShown = structuredShown || (structured != null && sameJson(text.text(), structured));
			}
			else {
				blocks.add(describe(content));
			}
		}
		if (structured != null && !structuredShown) {
			blocks.add(json.writeValueAsString(structured));
		}
		return String.join("\n", blocks);
	}

	private static String describe(Content content) {
		if (content instanceof ImageContent image) {
			return "[image: " + image.mimeType() + ", " + decodedSize(image.data()) + " bytes, not shown]";
		}
		if (content instanceof AudioContent audio) {
			return "[audio: " + audio.mimeType() + ", " + decodedSize(audio.data()) + " bytes, not shown]";
		}
		if (content instanceof ResourceLink link) {
			return "[resource link: " + link.name() + " <" + link.uri() + ">" + details(link.mimeType())
					+ ((link.description() != null) ? " - " + link.description() : "") + "]";
		}
		if (content instanceof EmbeddedResource embedded) {
			return describe(embedded.resource());
		}
		String type = content.type().isEmpty() ? "untyped" : content.type();
		return "[content of type '" + type + "', not shown]";
	}

	private static String describe(ResourceContents resource) {
		if (resource instanceof TextResourceContents text) {
			return "[resource <" + text.uri() + ">" + details(text.mimeType()) + "]\n" + text.text();
		}
		BlobResourceContents blob = (BlobResourceContents) resource;
		return "[resource <" + blob.uri() + ">" + details(blob.mimeType()) + ", " + decodedSize(blob.blob())
				+ " bytes, not shown]";
	}

	private static String details(@Nullable String mimeType) {
		return (mimeType != null) ? " (" + mimeType + ")" : "";
	}

	private static long decodedSize(String base64) {
		int length = base64.length();
		int padding = 0;
		while (padding < 2 && length - padding > 0 && base64.charAt(length - 1 - padding) == '=') {
			padding++;
		}
		return (long) length * 3 / 4 - padding;
	}

	private static boolean sameJson(String text, JsonNode structured) {
		String trimmed = text.trim();
		if (!trimmed.startsWith("{")) {
			return false;
		}
		try {
			return json.readTree(trimmed).equals(structured);
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	@Override
	public String toString() {
		return "McpToolResultConverter.text()";
	}

}
