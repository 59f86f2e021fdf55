package io.github.mcpclient.protocol;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Resource contents that can be represented as text.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TextResourceContents(String uri, @Nullable String mimeType, String text,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta) implements ResourceContents {

	public TextResourceContents {
		Objects.requireNonNull(uri, "'uri' must not be null");
		Objects.requireNonNull(text, "'text' must not be null");
		meta = ImmutableCopies.nullableMap(meta);
	}

	public TextResourceContents(String uri, @Nullable String mimeType, String text) {
		this(uri, mimeType, text, null);
	}

}
