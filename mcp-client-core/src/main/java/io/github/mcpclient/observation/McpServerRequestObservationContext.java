package io.github.mcpclient.observation;

import java.util.Map;

import io.micrometer.observation.transport.RequestReplyReceiverContext;
import org.jspecify.annotations.Nullable;

/**
 * What an observation of a request the server sent to the client knows. It is a receiver
 * context whose carrier is the trace context of the request's {@code params._meta}, so a
 * tracing handler continues the server's trace when the server sent one.
 *
 * @since 0.1.0
 */
public class McpServerRequestObservationContext extends RequestReplyReceiverContext<Map<String, String>, Object> {

	private final String connectionName;

	private final String methodName;

	private final @Nullable String requestId;

	private @Nullable String protocolVersion;

	private @Nullable Integer rpcErrorCode;

	/**
	 * Create a context.
	 * @param connectionName the connection's name
	 * @param methodName the JSON-RPC method the server called
	 * @param requestId the server's request id, or {@code null}
	 * @param traceContext the string fields of the request's {@code _meta}
	 */
	public McpServerRequestObservationContext(String connectionName, String methodName, @Nullable String requestId,
			Map<String, String> traceContext) {
		super((carrier, key) -> carrier.get(key));
		this.connectionName = connectionName;
		this.methodName = methodName;
		this.requestId = requestId;
		setCarrier(traceContext);
	}

	public String getConnectionName() {
		return this.connectionName;
	}

	public String getMethodName() {
		return this.methodName;
	}

	public @Nullable String getRequestId() {
		return this.requestId;
	}

	public @Nullable String getProtocolVersion() {
		return this.protocolVersion;
	}

	public void setProtocolVersion(@Nullable String protocolVersion) {
		this.protocolVersion = protocolVersion;
	}

	/**
	 * The code of the JSON-RPC error the client answered with.
	 * @return the code, or {@code null} if the client answered with a result
	 */
	public @Nullable Integer getRpcErrorCode() {
		return this.rpcErrorCode;
	}

	public void setRpcErrorCode(@Nullable Integer rpcErrorCode) {
		this.rpcErrorCode = rpcErrorCode;
	}

}
