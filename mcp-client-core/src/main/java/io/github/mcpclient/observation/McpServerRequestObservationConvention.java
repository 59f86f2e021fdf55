package io.github.mcpclient.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and keys of the observations of requests the server sends to the client.
 *
 * @since 0.1.0
 */
public interface McpServerRequestObservationConvention
		extends ObservationConvention<McpServerRequestObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof McpServerRequestObservationContext;
	}

}
