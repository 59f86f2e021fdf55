package io.github.mcpclient.protocol;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Parameters of a {@code prompts/get} request; prompt arguments are always strings.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GetPromptRequest(String name, @Nullable Map<String, String> arguments,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta) {

	public GetPromptRequest {
		Objects.requireNonNull(name, "'name' must not be null");
		arguments = ImmutableCopies.nullableMap(arguments);
		meta = ImmutableCopies.nullableMap(meta);
	}

	public GetPromptRequest(String name, @Nullable Map<String, String> arguments) {
		this(name, arguments, null);
	}

}
