package io.github.mcpclient.protocol;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Identifies a resource or resource template by URI, written as {@code {"type":
 * "ref/resource", ...}}.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceTemplateReference(String uri) implements CompleteReference {

	public ResourceTemplateReference {
		Objects.requireNonNull(uri, "'uri' must not be null");
	}

}
