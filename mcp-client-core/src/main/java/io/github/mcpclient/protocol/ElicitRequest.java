package io.github.mcpclient.protocol;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code elicitation/create}: the server asks the user for input,
 * either through a form described by a restricted JSON Schema or by visiting a URL.
 *
 * @param mode {@code "form"} (also when absent) or {@code "url"}
 * @param message what to tell the user
 * @param requestedSchema the form's schema, in form mode
 * @param url the page to open, in URL mode
 * @param elicitationId the server's id of a URL-mode elicitation
 * @param meta request metadata
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/client/elicitation">Elicitation</a>
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ElicitRequest(@Nullable String mode, String message, @Nullable Map<String, Object> requestedSchema,
		@Nullable String url, @Nullable String elicitationId,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta) {

	public ElicitRequest {
		Objects.requireNonNull(message, "'message' must not be null");
		requestedSchema = ImmutableCopies.nullableMap(requestedSchema);
		meta = ImmutableCopies.nullableMap(meta);
	}

}
