package io.github.mcpclient.protocol;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The server's answer to {@code tools/call}; a tool that failed reports it here with
 * {@code isError} rather than as a JSON-RPC error.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallToolResult(List<Content> content, @Nullable Map<String, Object> structuredContent,
		@JsonProperty("isError") @Nullable Boolean error, @JsonProperty("_meta") @Nullable Map<String, Object> meta) {

	// The component is called "error" rather than "isError" so that the record accessor
	// (Boolean error()) and the null-safe isError() below can coexist; its explicit
	// @JsonProperty also keeps the @JsonIgnore on isError() from hiding the property

	public CallToolResult {
		content = ImmutableCopies.list(content);
		structuredContent = ImmutableCopies.nullableMap(structuredContent);
		meta = ImmutableCopies.nullableMap(meta);
	}

	public CallToolResult(List<Content> content) {
		this(content, null, null, null);
	}

	/**
	 * Return whether the tool reported a failure; an absent flag means success.
	 * @return {@code true} if the server set {@code isError} to {@code true}
	 */
	@JsonIgnore
	public boolean isError() {
		return Boolean.TRUE.equals(this.error);
	}

}
