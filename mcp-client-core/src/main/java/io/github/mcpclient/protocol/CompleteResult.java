package io.github.mcpclient.protocol;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The server's answer to {@code completion/complete}.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompleteResult(Completion completion, @JsonProperty("_meta") @Nullable Map<String, Object> meta) {

	public CompleteResult {
		Objects.requireNonNull(completion, "'completion' must not be null");
		meta = ImmutableCopies.nullableMap(meta);
	}

	/**
	 * Suggested values (at most 100), with the total number available and whether there
	 * are more than were sent, when the server knows.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Completion(List<String> values, @Nullable Integer total, @Nullable Boolean hasMore) {

		public Completion {
			values = ImmutableCopies.list(values);
		}

	}

}
