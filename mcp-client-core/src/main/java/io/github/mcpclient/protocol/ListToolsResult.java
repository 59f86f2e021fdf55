package io.github.mcpclient.protocol;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One page of the server's answer to {@code tools/list}.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListToolsResult(List<Tool> tools, @Nullable String nextCursor,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta) {

	public ListToolsResult {
		tools = ImmutableCopies.list(tools);
		meta = ImmutableCopies.nullableMap(meta);
	}

}
