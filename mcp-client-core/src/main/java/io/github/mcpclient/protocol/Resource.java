package io.github.mcpclient.protocol;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A resource the server can read, as listed by {@code resources/list}; {@code size} is in
 * bytes before any base64 encoding.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Resource(String uri, String name, @Nullable String title, @Nullable String description,
		@Nullable String mimeType, @Nullable Long size, @Nullable Annotations annotations,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta) {

	public Resource {
		Objects.requireNonNull(uri, "'uri' must not be null");
		Objects.requireNonNull(name, "'name' must not be null");
		meta = ImmutableCopies.nullableMap(meta);
	}

}
