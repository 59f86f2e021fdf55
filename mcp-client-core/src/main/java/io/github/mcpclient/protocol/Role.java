package io.github.mcpclient.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Sender or intended reader of a message or piece of content.
 */
public enum Role {

	@JsonProperty("user")
	USER,

	@JsonProperty("assistant")
	ASSISTANT

}
