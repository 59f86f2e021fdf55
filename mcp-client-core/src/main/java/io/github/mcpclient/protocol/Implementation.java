package io.github.mcpclient.protocol;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Name and version of an MCP client or server, exchanged as {@code clientInfo} and
 * {@code serverInfo} during initialization.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Implementation(String name, @Nullable String title, String version, @Nullable String description,
		@Nullable String websiteUrl) {

	public Implementation {
		Objects.requireNonNull(name, "'name' must not be null");
		Objects.requireNonNull(version, "'version' must not be null");
	}

	public Implementation(String name, String version) {
		this(name, null, version, null, null);
	}

}
