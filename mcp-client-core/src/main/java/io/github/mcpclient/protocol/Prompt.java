package io.github.mcpclient.protocol;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A prompt or prompt template the server offers, with the arguments it accepts.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Prompt(String name, @Nullable String title, @Nullable String description,
		@Nullable List<PromptArgument> arguments, @JsonProperty("_meta") @Nullable Map<String, Object> meta) {

	public Prompt {
		Objects.requireNonNull(name, "'name' must not be null");
		arguments = ImmutableCopies.nullableList(arguments);
		meta = ImmutableCopies.nullableMap(meta);
	}

}
