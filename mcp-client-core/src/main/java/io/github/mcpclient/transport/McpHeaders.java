package io.github.mcpclient.transport;

/**
 * HTTP header names of the Streamable HTTP transport, in the specification's spelling.
 * Servers may answer in any casing; Spring's headers compare names case-insensitively.
 *
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/transports">Transports</a>
 * @since 0.1.0
 */
public final class McpHeaders {

	/** The session id a stateful server assigns in its initialize response. */
	public static final String SESSION_ID = "MCP-Session-Id";

	/** The negotiated protocol version, sent on every request after initialize. */
	public static final String PROTOCOL_VERSION = "MCP-Protocol-Version";

	/** The id of the last SSE event seen, sent when resuming a stream. */
	public static final String LAST_EVENT_ID = "Last-Event-ID";

	/** The JSON-RPC method of a modern-era request. */
	public static final String METHOD = "Mcp-Method";

	/** The tool or prompt name, or resource URI, of a modern-era request. */
	public static final String NAME = "Mcp-Name";

	private McpHeaders() {
	}

}
