package io.github.mcpclient.protocol;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A modern server's description of itself, the answer to {@code server/discover}.
 *
 * @param supportedVersions the protocol revisions the server speaks
 * @param capabilities what the server offers
 * @param instructions usage instructions for the model, if any
 * @param ttlMs how long the result may be cached
 * @param cacheScope whether the result may be shared ({@code public}) or not
 * @param meta result metadata, carrying the server's identity
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2026-07-28/server/discover">Discover</a>
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiscoverResult(List<String> supportedVersions, @Nullable ServerCapabilities capabilities,
		@Nullable String instructions, @Nullable Long ttlMs, @Nullable String cacheScope,
		@JsonProperty("_meta") @Nullable Map<String, Object> meta) {

	/** The {@code _meta} key of the server's identity. */
	public static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";

	public DiscoverResult {
		supportedVersions = ImmutableCopies.list(supportedVersions);
		meta = ImmutableCopies.nullableMap(meta);
	}

	/**
	 * The server's name and version from the result's metadata, if it gave them.
	 * @return the identity or {@code null}
	 */
	@JsonIgnore
	public @Nullable Implementation serverInfo() {
		Object info = (this.meta != null) ? this.meta.get(SERVER_INFO) : null;
		if (info instanceof Map<?, ?> map && map.get("name") instanceof String name) {
			Object version = map.get("version");
			return new Implementation(name, (version != null) ? version.toString() : "");
		}
		return null;
	}

}
