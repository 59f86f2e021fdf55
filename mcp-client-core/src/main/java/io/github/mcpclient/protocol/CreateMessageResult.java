package io.github.mcpclient.protocol;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The client's completion for a {@code sampling/createMessage} request.
 *
 * @param role the role of the generated message, normally assistant
 * @param content the generated content
 * @param model the model that produced it
 * @param stopReason why generation stopped, such as {@code endTurn}
 * @param meta result metadata
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateMessageResult(Role role, Content content, String model, @Nullable String stopReason,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta) {

	public CreateMessageResult {
		Objects.requireNonNull(role, "'role' must not be null");
		Objects.requireNonNull(content, "'content' must not be null");
		Objects.requireNonNull(model, "'model' must not be null");
		meta = ImmutableCopies.nullableMap(meta);
	}

}
