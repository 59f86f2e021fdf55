package io.github.mcpclient.protocol;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Content that points at a resource the client may read, rather than embedding it.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceLink(String uri, String name, @Nullable String title, @Nullable String description,
		@Nullable String mimeType, @Nullable Long size, @Nullable Annotations annotations,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta) implements Content {

	static final String TYPE = "resource_link";

	public ResourceLink {
		Objects.requireNonNull(uri, "'uri' must not be null");
		Objects.requireNonNull(name, "'name' must not be null");
		meta = ImmutableCopies.nullableMap(meta);
	}

	public ResourceLink(String uri, String name) {
		this(uri, name, null, null, null, null, null, null);
	}

	@Override
	@JsonProperty("type")
	public String type() {
		return TYPE;
	}

}
