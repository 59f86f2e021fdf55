package io.github.mcpclient.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Sender or intended reader of a message or piece of content.
 *
 * @since 0.1.0
 */
public enum Role {

	@JsonProperty("user")
	USER,

	@JsonProperty("assistant")
	ASSISTANT

}
