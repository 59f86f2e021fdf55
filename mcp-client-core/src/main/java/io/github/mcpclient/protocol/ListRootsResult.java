package io.github.mcpclient.protocol;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The client's answer to {@code roots/list}.
 *
 * @param roots the roots
 * @param meta result metadata
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListRootsResult(List<Root> roots, @JsonProperty("_meta") @Nullable Map<String, Object> meta) {

	public ListRootsResult {
		roots = ImmutableCopies.list(roots);
		meta = ImmutableCopies.nullableMap(meta);
	}

}
