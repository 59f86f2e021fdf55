package io.github.mcpclient.protocol;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code sampling/createMessage}: the server asks the client's language
 * model for a completion.
 *
 * @param messages the conversation so far
 * @param modelPreferences the server's hints for choosing a model
 * @param systemPrompt a system prompt the server suggests
 * @param includeContext which MCP context to include
 * @param temperature sampling temperature
 * @param maxTokens the most tokens to generate
 * @param stopSequences sequences that end generation
 * @param metadata provider-specific metadata
 * @param meta request metadata
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/client/sampling">Sampling</a>
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateMessageRequest(List<Message> messages, @Nullable Map<String, Object> modelPreferences,
		@Nullable String systemPrompt, @Nullable String includeContext, @Nullable Double temperature,
		@Nullable Integer maxTokens, @Nullable List<String> stopSequences, @Nullable Map<String, Object> metadata,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta) {

	public CreateMessageRequest {
		messages = ImmutableCopies.list(messages);
		modelPreferences = ImmutableCopies.nullableMap(modelPreferences);
		stopSequences = ImmutableCopies.nullableList(stopSequences);
		metadata = ImmutableCopies.nullableMap(metadata);
		meta = ImmutableCopies.nullableMap(meta);
	}

	/**
	 * One message of the conversation; its content may be a single block or several.
	 *
	 * @param role who said it
	 * @param content what was said
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Message(Role role,
			@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Content> content) {

		public Message {
			Objects.requireNonNull(role, "'role' must not be null");
			content = ImmutableCopies.list(content);
		}

	}

}
