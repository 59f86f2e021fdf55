package io.github.mcpclient.protocol;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Parameters of a {@code logging/setLevel} request: the least severe level the client
 * wants to receive.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SetLevelRequest(LoggingLevel level) {

	public SetLevelRequest {
		Objects.requireNonNull(level, "'level' must not be null");
	}

}
