package io.github.mcpclient.protocol;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Identifies a prompt by name, written as {@code {"type": "ref/prompt", ...}}.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromptReference(String name, @Nullable String title) implements CompleteReference {

	public PromptReference {
		Objects.requireNonNull(name, "'name' must not be null");
	}

	public PromptReference(String name) {
		this(name, null);
	}

}
