package io.github.mcpclient.protocol;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Parameters of a {@code tools/call} request.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallToolRequest(String name, @Nullable Map<String, Object> arguments,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta) {

	public CallToolRequest {
		Objects.requireNonNull(name, "'name' must not be null");
		arguments = ImmutableCopies.nullableMap(arguments);
		meta = ImmutableCopies.nullableMap(meta);
	}

	public CallToolRequest(String name, @Nullable Map<String, Object> arguments) {
		this(name, arguments, null);
	}

}
