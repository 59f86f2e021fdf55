package io.github.mcpclient.protocol;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One page of the server's answer to {@code prompts/list}.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListPromptsResult(List<Prompt> prompts, @Nullable String nextCursor,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta) {

	public ListPromptsResult {
		prompts = ImmutableCopies.list(prompts);
		meta = ImmutableCopies.nullableMap(meta);
	}

}
