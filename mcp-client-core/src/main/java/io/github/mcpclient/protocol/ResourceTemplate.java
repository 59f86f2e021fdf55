package io.github.mcpclient.protocol;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 6570 URI template describing a family of resources the server can read.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceTemplate(String uriTemplate, String name, @Nullable String title, @Nullable String description,
		@Nullable String mimeType, @Nullable Annotations annotations,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta) {

	public ResourceTemplate {
		Objects.requireNonNull(uriTemplate, "'uriTemplate' must not be null");
		Objects.requireNonNull(name, "'name' must not be null");
		meta = ImmutableCopies.nullableMap(meta);
	}

}
