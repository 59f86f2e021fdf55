package io.github.mcpclient.protocol;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An argument a prompt template accepts.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromptArgument(String name, @Nullable String title, @Nullable String description,
		@JsonProperty("required") @Nullable Boolean required) {

	// The explicit @JsonProperty is load-bearing: isRequired() names the same logical
	// property, and without it the @JsonIgnore there would drop "required" from the JSON

	public PromptArgument {
		Objects.requireNonNull(name, "'name' must not be null");
	}

	/**
	 * Return whether the argument must be given; an absent flag means it is optional.
	 * @return {@code true} if the server marked the argument as required
	 */
	@JsonIgnore
	public boolean isRequired() {
		return Boolean.TRUE.equals(this.required);
	}

}
