package io.github.mcpclient.protocol;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Plain text content.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TextContent(String text, @Nullable Annotations annotations,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta) implements Content {

	static final String TYPE = "text";

	public TextContent {
		Objects.requireNonNull(text, "'text' must not be null");
		meta = ImmutableCopies.nullableMap(meta);
	}

	public TextContent(String text) {
		this(text, null, null);
	}

	@Override
	@JsonProperty("type")
	public String type() {
		return TYPE;
	}

}
