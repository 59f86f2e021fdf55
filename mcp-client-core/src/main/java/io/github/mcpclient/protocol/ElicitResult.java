package io.github.mcpclient.protocol;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The user's answer to an elicitation.
 *
 * @param action whether the user accepted, declined or dismissed the request
 * @param content the submitted values, when accepted in form mode
 * @param meta result metadata
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ElicitResult(Action action, @Nullable Map<String, Object> content,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta) {

	public ElicitResult {
		content = ImmutableCopies.nullableMap(content);
		meta = ImmutableCopies.nullableMap(meta);
	}

	/**
	 * An accepted form with the given values.
	 * @param content the values
	 * @return the result
	 */
	public static ElicitResult accept(Map<String, Object> content) {
		return new ElicitResult(Action.ACCEPT, content, null);
	}

	/**
	 * A declined request.
	 * @return the result
	 */
	public static ElicitResult decline() {
		return new ElicitResult(Action.DECLINE, null, null);
	}

	/**
	 * What the user did with an elicitation.
	 */
	public enum Action {

		/** The user submitted the form or agreed. */
		@JsonProperty("accept")
		ACCEPT,

		/** The user explicitly refused. */
		@JsonProperty("decline")
		DECLINE,

		/** The user dismissed the request without choosing. */
		@JsonProperty("cancel")
		CANCEL

	}

}
