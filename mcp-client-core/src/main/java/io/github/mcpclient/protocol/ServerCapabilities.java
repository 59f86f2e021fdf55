package io.github.mcpclient.protocol;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Protocol features a server declares in its {@code initialize} result; a {@code null}
 * component means the server does not offer that feature.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServerCapabilities(@Nullable Tools tools, @Nullable Resources resources, @Nullable Prompts prompts,
		@Nullable Map<String, Object> logging, @Nullable Map<String, Object> completions,
		@Nullable Map<String, Object> experimental) {

	public ServerCapabilities {
		logging = ImmutableCopies.nullableMap(logging);
		completions = ImmutableCopies.nullableMap(completions);
		experimental = ImmutableCopies.nullableMap(experimental);
	}

	/**
	 * Return capabilities that declare no optional feature at all.
	 * @return capabilities serialised as an empty JSON object
	 */
	public static ServerCapabilities none() {
		return new ServerCapabilities(null, null, null, null, null, null);
	}

	@JsonIgnore
	public boolean hasTools() {
		return this.tools != null;
	}

	@JsonIgnore
	public boolean hasResources() {
		return this.resources != null;
	}

	@JsonIgnore
	public boolean hasResourceSubscriptions() {
		return this.resources != null && Boolean.TRUE.equals(this.resources.subscribe());
	}

	@JsonIgnore
	public boolean hasPrompts() {
		return this.prompts != null;
	}

	@JsonIgnore
	public boolean hasLogging() {
		return this.logging != null;
	}

	@JsonIgnore
	public boolean hasCompletions() {
		return this.completions != null;
	}

	/**
	 * Server support for listing and calling tools.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Tools(@Nullable Boolean listChanged) {

	}

	/**
	 * Server support for listing, reading and subscribing to resources.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Resources(@Nullable Boolean subscribe, @Nullable Boolean listChanged) {

	}

	/**
	 * Server support for listing and getting prompts.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Prompts(@Nullable Boolean listChanged) {

	}

}
