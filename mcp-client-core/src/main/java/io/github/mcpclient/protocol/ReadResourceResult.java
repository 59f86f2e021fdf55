package io.github.mcpclient.protocol;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The server's answer to {@code resources/read}, which may hold several contents for one
 * URI (a directory, for example).
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReadResourceResult(List<ResourceContents> contents,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta) {

	public ReadResourceResult {
		contents = ImmutableCopies.list(contents);
		meta = ImmutableCopies.nullableMap(meta);
	}

}
