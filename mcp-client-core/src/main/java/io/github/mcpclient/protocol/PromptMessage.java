package io.github.mcpclient.protocol;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One message of a rendered prompt.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromptMessage(Role role, Content content) {

	public PromptMessage {
		Objects.requireNonNull(role, "'role' must not be null");
		Objects.requireNonNull(content, "'content' must not be null");
	}

}
