package io.github.mcpclient.protocol;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Display hints a server attaches to content and resources: who it is for, how much it
 * matters (0 to 1) and when it last changed (ISO 8601).
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Annotations(@Nullable List<Role> audience, @Nullable Double priority, @Nullable String lastModified) {

	public Annotations {
		audience = ImmutableCopies.nullableList(audience);
	}

}
