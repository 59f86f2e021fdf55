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
 * @param tools the tools on this page
 * @param nextCursor the cursor of the next page, or {@code null} on the last page
 * @param meta the {@code _meta} object the server attached, if any
 * @param ttlMs how many milliseconds the page may be considered fresh, if the server
 * said; a caller that keeps the list can use it to know when to ask again
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2026-07-28/server/utilities/caching">Caching</a>
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListToolsResult(List<Tool> tools, @Nullable String nextCursor,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta, @Nullable Long ttlMs) {

	public ListToolsResult {
		tools = ImmutableCopies.list(tools);
		meta = ImmutableCopies.nullableMap(meta);
	}

	public ListToolsResult(List<Tool> tools, @Nullable String nextCursor, @Nullable Map<String, Object> meta) {
		this(tools, nextCursor, meta, null);
	}

	/**
	 * Return the same page with other tools, keeping everything else the server sent.
	 * @param tools the tools
	 * @return the page
	 */
	public ListToolsResult withTools(List<Tool> tools) {
		return new ListToolsResult(tools, this.nextCursor, this.meta, this.ttlMs);
	}

}
