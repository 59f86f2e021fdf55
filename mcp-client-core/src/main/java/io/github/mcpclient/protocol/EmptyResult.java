package io.github.mcpclient.protocol;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A result that only acknowledges success, as returned by {@code ping} and
 * {@code logging/setLevel}.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmptyResult(@JsonProperty("_meta") @Nullable Map<String, Object> meta) {

	public EmptyResult {
		meta = ImmutableCopies.nullableMap(meta);
	}

}
