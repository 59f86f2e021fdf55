package io.github.mcpclient.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and keys of the observations of MCP operations sent by the client. Implement it
 * (or extend {@link DefaultMcpClientObservationConvention}) to change them.
 *
 * @since 0.1.0
 */
public interface McpClientObservationConvention extends ObservationConvention<McpClientObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof McpClientObservationContext;
	}

}
