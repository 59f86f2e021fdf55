package io.github.mcpclient.protocol;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Parameters of the {@code initialize} request that opens an MCP session.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InitializeRequest(String protocolVersion, ClientCapabilities capabilities, Implementation clientInfo) {

	public InitializeRequest {
		Objects.requireNonNull(protocolVersion, "'protocolVersion' must not be null");
		Objects.requireNonNull(clientInfo, "'clientInfo' must not be null");
		// The spec requires the object, so a missing one can only mean "no optional
		// features"
		capabilities = Objects.requireNonNullElseGet(capabilities, ClientCapabilities::none);
	}

}
