package io.github.mcpclient.protocol;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Optional protocol features the client declares to the server in its {@code initialize}
 * request; a {@code null} component means the feature is not offered.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientCapabilities(@Nullable Roots roots, @Nullable Map<String, Object> sampling,
		@Nullable Map<String, Object> elicitation, @Nullable Map<String, Object> experimental) {

	public ClientCapabilities {
		sampling = ImmutableCopies.nullableMap(sampling);
		elicitation = ImmutableCopies.nullableMap(elicitation);
		experimental = ImmutableCopies.nullableMap(experimental);
	}

	/**
	 * Return capabilities that declare no optional feature at all.
	 * @return capabilities serialised as an empty JSON object
	 */
	public static ClientCapabilities none() {
		return new ClientCapabilities(null, null, null, null);
	}

	@JsonIgnore
	public boolean hasRoots() {
		return this.roots != null;
	}

	@JsonIgnore
	public boolean hasSampling() {
		return this.sampling != null;
	}

	@JsonIgnore
	public boolean hasElicitation() {
		return this.elicitation != null;
	}

	/**
	 * Client support for exposing filesystem roots to the server.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Roots(@Nullable Boolean listChanged) {

	}

}
