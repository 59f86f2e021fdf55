package io.github.mcpclient.protocol;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The server's answer to {@code prompts/get}: the prompt rendered as messages.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GetPromptResult(@Nullable String description, List<PromptMessage> messages,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta) {

	public GetPromptResult {
		messages = ImmutableCopies.list(messages);
		meta = ImmutableCopies.nullableMap(meta);
	}

}
