package io.github.mcpclient.protocol;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A tool the server offers, with the JSON Schema its arguments must satisfy.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tool(String name, @Nullable String title, @Nullable String description, Map<String, Object> inputSchema,
		@Nullable Map<String, Object> outputSchema, @Nullable ToolAnnotations annotations,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta) {

	public Tool {
		Objects.requireNonNull(name, "'name' must not be null");
		inputSchema = ImmutableCopies.map(inputSchema);
		outputSchema = ImmutableCopies.nullableMap(outputSchema);
		meta = ImmutableCopies.nullableMap(meta);
	}

	public Tool(String name, @Nullable String description, Map<String, Object> inputSchema) {
		this(name, null, description, inputSchema, null, null, null);
	}

	/**
	 * Return the name to show people, following the spec's precedence of {@code title},
	 * then {@code annotations.title}, then {@code name}.
	 * @return the display name
	 */
	@JsonIgnore
	public String displayName() {
		if (this.title != null) {
			return this.title;
		}
		if (this.annotations != null && this.annotations.title() != null) {
			return this.annotations.title();
		}
		return this.name;
	}

}
