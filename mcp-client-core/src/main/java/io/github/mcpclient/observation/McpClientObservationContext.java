package io.github.mcpclient.observation;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.observation.transport.RequestReplySenderContext;
import org.jspecify.annotations.Nullable;

/**
 * What an observation of one MCP operation sent by the client knows: the method, its
 * target, the connection and the outcome. It is a sender context whose carrier is the
 * trace context the request carries in {@code params._meta}, so a tracing handler that
 * propagates into sender contexts writes {@code traceparent}, {@code tracestate} and
 * {@code baggage} there, without the client knowing any propagator.
 *
 * @since 0.1.0
 */
public class McpClientObservationContext extends RequestReplySenderContext<Map<String, String>, Object> {

	private final String connectionName;

	private final String methodName;

	private final @Nullable String serverAddress;

	private final int serverPort;

	private @Nullable String requestId;

	private @Nullable String toolName;

	private @Nullable String promptName;

	private @Nullable String resourceUri;

	private @Nullable String protocolVersion;

	private @Nullable String sessionId;

	private @Nullable String networkProtocolVersion;

	private @Nullable Integer rpcErrorCode;

	private boolean toolError;

	/**
	 * Create a context.
	 * @param connectionName the connection's name
	 * @param methodName the JSON-RPC method
	 * @param serverAddress the server's host, or {@code null} if unknown
	 * @param serverPort the server's port, or {@code -1} if unknown
	 */
	public McpClientObservationContext(String connectionName, String methodName, @Nullable String serverAddress,
			int serverPort) {
		super((carrier, key, value) -> {
			if (carrier != null) {
				carrier.put(key, value);
			}
		});
		this.connectionName = connectionName;
		this.methodName = methodName;
		this.serverAddress = serverAddress;
		this.serverPort = serverPort;
		setCarrier(new LinkedHashMap<>(4));
	}

	/**
	 * The trace context a tracing handler propagated, to go into the request's
	 * {@code _meta}; empty when nothing propagates.
	 * @return the fields, such as {@code traceparent}
	 */
	public Map<String, String> getTraceContext() {
		Map<String, String> carrier = getCarrier();
		return (carrier != null) ? carrier : Map.of();
	}

	public String getConnectionName() {
		return this.connectionName;
	}

	public String getMethodName() {
		return this.methodName;
	}

	public @Nullable String getServerAddress() {
		return this.serverAddress;
	}

	public int getServerPort() {
		return this.serverPort;
	}

	public @Nullable String getRequestId() {
		return this.requestId;
	}

	public void setRequestId(@Nullable String requestId) {
		this.requestId = requestId;
	}

	public @Nullable String getToolName() {
		return this.toolName;
	}

	public void setToolName(@Nullable String toolName) {
		this.toolName = toolName;
	}

	public @Nullable String getPromptName() {
		return this.promptName;
	}

	public void setPromptName(@Nullable String promptName) {
		this.promptName = promptName;
	}

	public @Nullable String getResourceUri() {
		return this.resourceUri;
	}

	public void setResourceUri(@Nullable String resourceUri) {
		this.resourceUri = resourceUri;
	}

	public @Nullable String getProtocolVersion() {
		return this.protocolVersion;
	}

	public void setProtocolVersion(@Nullable String protocolVersion) {
		this.protocolVersion = protocolVersion;
	}

	/**
	 * The legacy session the operation ran in; never set for 2026-07-28 connections,
	 * which have no sessions.
	 * @return the session id, or {@code null}
	 */
	public @Nullable String getSessionId() {
		return this.sessionId;
	}

	public void setSessionId(@Nullable String sessionId) {
		this.sessionId = sessionId;
	}

	public @Nullable String getNetworkProtocolVersion() {
		return this.networkProtocolVersion;
	}

	public void setNetworkProtocolVersion(@Nullable String networkProtocolVersion) {
		this.networkProtocolVersion = networkProtocolVersion;
	}

	/**
	 * The code of the JSON-RPC error the server answered with.
	 * @return the code, or {@code null} if the server answered with a result or not at
	 * all
	 */
	public @Nullable Integer getRpcErrorCode() {
		return this.rpcErrorCode;
	}

	public void setRpcErrorCode(@Nullable Integer rpcErrorCode) {
		this.rpcErrorCode = rpcErrorCode;
	}

	/**
	 * Whether a {@code tools/call} result said {@code isError: true}: the exchange
	 * succeeded, the tool did not.
	 * @return {@code true} for a tool error
	 */
	public boolean isToolError() {
		return this.toolError;
	}

	public void setToolError(boolean toolError) {
		this.toolError = toolError;
	}

}
