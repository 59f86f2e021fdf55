package io.github.mcpclient.protocol;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A directory or file the client lets the server work within.
 *
 * @param uri the root's URI, normally {@code file://}
 * @param name a human-readable name
 * @param meta metadata
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/client/roots">Roots</a>
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Root(String uri, @Nullable String name, @JsonProperty("_meta") @Nullable Map<String, Object> meta) {

	public Root {
		Objects.requireNonNull(uri, "'uri' must not be null");
		meta = ImmutableCopies.nullableMap(meta);
	}

	public Root(String uri, @Nullable String name) {
		this(uri, name, null);
	}

}
