package io.github.mcpclient.protocol;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Parameters of a {@code resources/subscribe} request.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscribeRequest(String uri, @JsonProperty("_meta") @Nullable Map<String, Object> meta) {

	public SubscribeRequest {
		Objects.requireNonNull(uri, "'uri' must not be null");
		meta = ImmutableCopies.nullableMap(meta);
	}

	public SubscribeRequest(String uri) {
		this(uri, null);
	}

}
