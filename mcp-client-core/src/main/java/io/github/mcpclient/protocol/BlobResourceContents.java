package io.github.mcpclient.protocol;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Resource contents held as base64-encoded binary data.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BlobResourceContents(String uri, @Nullable String mimeType, String blob,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta) implements ResourceContents {

	public BlobResourceContents {
		Objects.requireNonNull(uri, "'uri' must not be null");
		Objects.requireNonNull(blob, "'blob' must not be null");
		meta = ImmutableCopies.nullableMap(meta);
	}

	public BlobResourceContents(String uri, @Nullable String mimeType, String blob) {
		this(uri, mimeType, blob, null);
	}

}
