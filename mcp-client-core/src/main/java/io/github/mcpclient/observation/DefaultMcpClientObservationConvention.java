package io.github.mcpclient.observation;

import io.github.mcpclient.observation.McpObservationDocumentation.OperationKeys;
import io.github.mcpclient.observation.McpObservationDocumentation.RequestKeys;
import io.github.mcpclient.protocol.McpMethods;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * The default names and keys of observations of MCP operations: named {@value #NAME}, so
 * that the timer a meter handler derives from them is the conventions' operation
 * duration, with the span named {@code {mcp.method.name} {target}}.
 * <p>
 * Every low-cardinality key is always present, with {@code none} where it does not apply:
 * some registries (Prometheus among them) require one set of tag keys per meter name.
 *
 * @since 0.1.0
 */
public class DefaultMcpClientObservationConvention implements McpClientObservationConvention {

	/**
	 * The name of the observations, and of the timer derived from them.
	 */
	public static final String NAME = "mcp.client.operation.duration";

	static final String NONE = "none";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(McpClientObservationContext context) {
		String target = target(context);
		return (target != null) ? context.getMethodName() + " " + target : context.getMethodName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(McpClientObservationContext context) {
		KeyValues values = KeyValues.of(OperationKeys.METHOD_NAME.withValue(context.getMethodName()),
				value(OperationKeys.TOOL_NAME, context.getToolName()),
				value(OperationKeys.PROMPT_NAME, context.getPromptName()), operationName(context),
				value(OperationKeys.PROTOCOL_VERSION, context.getProtocolVersion()),
				value(OperationKeys.RPC_RESPONSE_STATUS_CODE, statusCode(context)),
				value(OperationKeys.ERROR_TYPE, errorType(context)),
				OperationKeys.NETWORK_PROTOCOL_NAME.withValue("http"), OperationKeys.NETWORK_TRANSPORT.withValue("tcp"),
				value(OperationKeys.SERVER_ADDRESS, context.getServerAddress()),
				value(OperationKeys.SERVER_PORT,
						(context.getServerPort() >= 0) ? String.valueOf(context.getServerPort()) : null),
				OperationKeys.CONNECTION.withValue(context.getConnectionName()));
		// Unknown at this layer unless set: the HTTP client observation records it.
		String httpVersion = context.getNetworkProtocolVersion();
		return (httpVersion != null) ? values.and(OperationKeys.NETWORK_PROTOCOL_VERSION.withValue(httpVersion))
				: values;
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(McpClientObservationContext context) {
		KeyValues values = KeyValues.empty();
		if (context.getRequestId() != null) {
			values = values.and(RequestKeys.REQUEST_ID.withValue(context.getRequestId()));
		}
		if (context.getResourceUri() != null) {
			values = values.and(RequestKeys.RESOURCE_URI.withValue(context.getResourceUri()));
		}
		if (context.getSessionId() != null) {
			values = values.and(RequestKeys.SESSION_ID.withValue(context.getSessionId()));
		}
		return values;
	}

	/**
	 * The target in the span's name: the tool of a {@code tools/call}, the prompt of a
	 * {@code prompts/get}.
	 * @param context the context
	 * @return the target, or {@code null} for none
	 */
	protected @Nullable String target(McpClientObservationContext context) {
		return switch (context.getMethodName()) {
			case McpMethods.TOOLS_CALL -> context.getToolName();
			case McpMethods.PROMPTS_GET -> context.getPromptName();
			default -> null;
		};
	}

	/**
	 * The {@code error.type}: {@code tool_error}, a JSON-RPC error code, or a failure's
	 * type.
	 * @param context the context
	 * @return the error type, or {@code null} for a success
	 */
	protected @Nullable String errorType(McpClientObservationContext context) {
		String type = ErrorTypes.of(context.getError(), context.getRpcErrorCode());
		return (type == null && context.isToolError()) ? ErrorTypes.TOOL_ERROR : type;
	}

	private static @Nullable String statusCode(McpClientObservationContext context) {
		Integer code = ErrorTypes.code(context.getError(), context.getRpcErrorCode());
		return (code != null) ? String.valueOf(code) : null;
	}

	private static KeyValue operationName(McpClientObservationContext context) {
		return OperationKeys.OPERATION_NAME
			.withValue(McpMethods.TOOLS_CALL.equals(context.getMethodName()) ? "execute_tool" : NONE);
	}

	static KeyValue value(OperationKeys key, @Nullable String value) {
		return key.withValue((value != null) ? value : NONE);
	}

}
