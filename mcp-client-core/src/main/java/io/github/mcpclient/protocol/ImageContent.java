package io.github.mcpclient.protocol;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Image content, carried as base64-encoded {@code data} of the given MIME type.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageContent(String data, String mimeType, @Nullable Annotations annotations,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta) implements Content {

	static final String TYPE = "image";

	public ImageContent {
		Objects.requireNonNull(data, "'data' must not be null");
		Objects.requireNonNull(mimeType, "'mimeType' must not be null");
		meta = ImmutableCopies.nullableMap(meta);
	}

	public ImageContent(String data, String mimeType) {
		this(data, mimeType, null, null);
	}

	@Override
	@JsonProperty("type")
	public String type() {
		return TYPE;
	}

}
