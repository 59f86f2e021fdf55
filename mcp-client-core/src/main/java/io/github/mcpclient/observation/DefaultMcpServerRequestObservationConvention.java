package io.github.mcpclient.observation;

import io.github.mcpclient.observation.McpObservationDocumentation.OperationKeys;
import io.github.mcpclient.observation.McpObservationDocumentation.RequestKeys;
import io.micrometer.common.KeyValues;

import static io.github.mcpclient.observation.DefaultMcpClientObservationConvention.value;

/**
 * The default names and keys of observations of requests the server sends to the client:
 * named {@value #NAME}, the span named after the method.
 *
 * @since 0.1.0
 */
public class DefaultMcpServerRequestObservationConvention implements McpServerRequestObservationConvention {

	/**
	 * The name of the observations, and of the timer derived from them.
	 */
	public static final String NAME = "mcp.client.server_request.duration";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(McpServerRequestObservationContext context) {
		return context.getMethodName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(McpServerRequestObservationContext context) {
		Integer code = ErrorTypes.code(context.getError(), context.getRpcErrorCode());
		return KeyValues.of(OperationKeys.METHOD_NAME.withValue(context.getMethodName()),
				value(OperationKeys.PROTOCOL_VERSION, context.getProtocolVersion()),
				value(OperationKeys.RPC_RESPONSE_STATUS_CODE, (code != null) ? String.valueOf(code) : null),
				value(OperationKeys.ERROR_TYPE, ErrorTypes.of(context.getError(), context.getRpcErrorCode())),
				OperationKeys.CONNECTION.withValue(context.getConnectionName()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(McpServerRequestObservationContext context) {
		return (context.getRequestId() != null) ? KeyValues.of(RequestKeys.REQUEST_ID.withValue(context.getRequestId()))
				: KeyValues.empty();
	}

}
