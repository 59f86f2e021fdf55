package io.github.mcpclient.transport;

/**
 * The names of the standard headers the transport puts on every request, as it writes
 * them: in lower case. Header names are case-insensitive, and Spring's header maps
 * lower-case a name on every lookup, which copies any name that is not in lower case
 * already; a request's headers are copied and looked up several times on their way to the
 * wire, so names in the usual spelling would cost a few hundred bytes per request each.
 * The MCP headers keep the specification's spelling ({@link McpHeaders}).
 */
final class WireNames {

	static final String CONTENT_TYPE = "content-type";

	static final String ACCEPT = "accept";

	static final String ACCEPT_ENCODING = "accept-encoding";

	static final String LAST_EVENT_ID = "last-event-id";

	private WireNames() {
	}

}
