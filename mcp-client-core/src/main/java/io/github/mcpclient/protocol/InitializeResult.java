package io.github.mcpclient.protocol;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The server's answer to {@code initialize}: the negotiated protocol version, what the
 * server supports and who it is.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InitializeResult(String protocolVersion, ServerCapabilities capabilities, Implementation serverInfo,
		@Nullable String instructions, @JsonProperty("_meta") @Nullable Map<String, Object> meta) {

	public InitializeResult {
		Objects.requireNonNull(protocolVersion, "'protocolVersion' must not be null");
		Objects.requireNonNull(serverInfo, "'serverInfo' must not be null");
		// Some servers omit the object; treating that as "nothing optional supported"
		// spares every caller a null check
		capabilities = Objects.requireNonNullElseGet(capabilities, ServerCapabilities::none);
		meta = ImmutableCopies.nullableMap(meta);
	}

	public InitializeResult(String protocolVersion, ServerCapabilities capabilities, Implementation serverInfo) {
		this(protocolVersion, capabilities, serverInfo, null, null);
	}

}
