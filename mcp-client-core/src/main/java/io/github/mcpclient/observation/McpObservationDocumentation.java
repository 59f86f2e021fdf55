package io.github.mcpclient.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations an MCP client makes and the attribute names they carry, after the
 * OpenTelemetry MCP semantic conventions.
 *
 * @since 0.1.0
 * @see <a href=
 * "https://github.com/open-telemetry/semantic-conventions-genai/blob/main/docs/gen-ai/mcp.md">Semantic
 * conventions for MCP</a>
 */
public enum McpObservationDocumentation implements ObservationDocumentation {

	/**
	 * One MCP operation the client sends: a request or a notification (client kind).
	 */
	CLIENT_OPERATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultMcpClientObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return OperationKeys.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return RequestKeys.values();
		}

	},

	/**
	 * One request the server sends to the client, such as sampling or elicitation, from
	 * its arrival to the client's answer (server kind).
	 */
	SERVER_REQUEST {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultMcpServerRequestObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { OperationKeys.METHOD_NAME, OperationKeys.ERROR_TYPE,
					OperationKeys.RPC_RESPONSE_STATUS_CODE, OperationKeys.PROTOCOL_VERSION, OperationKeys.CONNECTION };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { RequestKeys.REQUEST_ID };
		}

	},

	/**
	 * One legacy-era session, from {@code initialize} to its end.
	 */
	CLIENT_SESSION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultMcpClientSessionObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { OperationKeys.PROTOCOL_VERSION, OperationKeys.ERROR_TYPE, OperationKeys.CONNECTION };
		}

	};

	/**
	 * Attributes of bounded cardinality: tags of the timers, attributes of the spans.
	 */
	public enum OperationKeys implements KeyName {

		/** The JSON-RPC method, such as {@code tools/call}. */
		METHOD_NAME("mcp.method.name"),

		/** The tool a {@code tools/call} calls. */
		TOOL_NAME("gen_ai.tool.name"),

		/** The prompt a {@code prompts/get} gets. */
		PROMPT_NAME("gen_ai.prompt.name"),

		/** {@code execute_tool} for a {@code tools/call}. */
		OPERATION_NAME("gen_ai.operation.name"),

		/** The protocol version the connection speaks. */
		PROTOCOL_VERSION("mcp.protocol.version"),

		/** The JSON-RPC error code of an error response. */
		RPC_RESPONSE_STATUS_CODE("rpc.response.status_code"),

		/**
		 * Why the operation failed: a JSON-RPC error code, the type of a transport
		 * failure, or {@code tool_error} for a tool result with {@code isError: true}.
		 */
		ERROR_TYPE("error.type"),

		/** Always {@code http}. */
		NETWORK_PROTOCOL_NAME("network.protocol.name"),

		/** The HTTP version, when known. */
		NETWORK_PROTOCOL_VERSION("network.protocol.version"),

		/** Always {@code tcp}. */
		NETWORK_TRANSPORT("network.transport"),

		/** The server's host. */
		SERVER_ADDRESS("server.address"),

		/** The server's port. */
		SERVER_PORT("server.port"),

		/** The name of the configured connection (ours, not the conventions'). */
		CONNECTION("mcp.client.connection.name");

		private final String key;

		OperationKeys(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/**
	 * Attributes of unbounded cardinality: attributes of the spans only.
	 */
	public enum RequestKeys implements KeyName {

		/** The JSON-RPC request id. */
		REQUEST_ID("jsonrpc.request.id"),

		/** The resource a {@code resources/*} request is about. */
		RESOURCE_URI("mcp.resource.uri"),

		/** The legacy session id; never set for 2026-07-28 connections. */
		SESSION_ID("mcp.session.id");

		private final String key;

		RequestKeys(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

}
