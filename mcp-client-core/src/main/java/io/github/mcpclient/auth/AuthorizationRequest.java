package io.github.mcpclient.auth;

import java.net.URI;

import org.springframework.http.HttpMethod;
import reactor.util.context.ContextView;

/**
 * One HTTP request of a connection that needs credentials.
 *
 * @param connectionName the connection's name
 * @param serverUrl the MCP server's URL as configured: the protected resource the token
 * is for
 * @param mcpMethod the MCP method the request belongs to, such as {@code tools/call}; for
 * requests that carry no JSON-RPC message, the transport's name for them, such as
 * {@code listen} or {@code close}
 * @param httpMethod the HTTP method
 * @param url the URL the request goes to
 * @param context the Reactor context of the call, where a per-user authorization finds
 * whose call it is
 * @since 0.2.0
 */
public record AuthorizationRequest(String connectionName, URI serverUrl, String mcpMethod, HttpMethod httpMethod,
		URI url, ContextView context) {

}
