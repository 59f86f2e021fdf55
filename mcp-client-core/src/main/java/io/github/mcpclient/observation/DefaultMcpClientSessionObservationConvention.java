package io.github.mcpclient.observation;

import io.github.mcpclient.observation.McpObservationDocumentation.OperationKeys;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

import static io.github.mcpclient.observation.DefaultMcpClientObservationConvention.value;

/**
 * The default names and keys of observations of legacy-era sessions: named
 * {@value #NAME}, the timer the conventions call the session duration.
 *
 * @since 0.1.0
 */
public class DefaultMcpClientSessionObservationConvention
		implements ObservationConvention<McpClientSessionObservationContext> {

	/**
	 * The name of the observations, and of the timer derived from them.
	 */
	public static final String NAME = "mcp.client.session.duration";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(McpClientSessionObservationContext context) {
		return "mcp session";
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof McpClientSessionObservationContext;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(McpClientSessionObservationContext context) {
		return KeyValues.of(value(OperationKeys.PROTOCOL_VERSION, context.getProtocolVersion()),
				value(OperationKeys.ERROR_TYPE,
						(context.getErrorType() != null) ? context.getErrorType()
								: ErrorTypes.of(context.getError(), null)),
				OperationKeys.CONNECTION.withValue(context.getConnectionName()));
	}

}
