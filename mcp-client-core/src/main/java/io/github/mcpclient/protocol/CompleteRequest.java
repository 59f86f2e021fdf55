package io.github.mcpclient.protocol;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Parameters of a {@code completion/complete} request asking for values of one argument
 * of a prompt or resource template.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompleteRequest(CompleteReference ref, Argument argument, @Nullable Context context) {

	public CompleteRequest {
		Objects.requireNonNull(ref, "'ref' must not be null");
		Objects.requireNonNull(argument, "'argument' must not be null");
	}

	public CompleteRequest(CompleteReference ref, Argument argument) {
		this(ref, argument, null);
	}

	/**
	 * The argument being completed and what has been typed so far.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Argument(String name, String value) {

		public Argument {
			Objects.requireNonNull(name, "'name' must not be null");
			Objects.requireNonNull(value, "'value' must not be null");
		}

	}

	/**
	 * Values of other arguments that have already been resolved.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Context(@Nullable Map<String, String> arguments) {

		public Context {
			arguments = ImmutableCopies.nullableMap(arguments);
		}

	}

}
