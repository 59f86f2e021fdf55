package io.github.mcpclient.protocol;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Content that carries the contents of a resource inline.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmbeddedResource(ResourceContents resource, @Nullable Annotations annotations,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta) implements Content {

	static final String TYPE = "resource";

	public EmbeddedResource {
		Objects.requireNonNull(resource, "'resource' must not be null");
		meta = ImmutableCopies.nullableMap(meta);
	}

	public EmbeddedResource(ResourceContents resource) {
		this(resource, null, null);
	}

	@Override
	@JsonProperty("type")
	public String type() {
		return TYPE;
	}

}
