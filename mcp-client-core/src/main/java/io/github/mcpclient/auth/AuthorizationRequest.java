package io.github.mcpclient.auth;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import reactor.util.context.ContextView;

import org.springframework.http.HttpMethod;

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
 * @param principal for an authorization that is
 * {@linkplain McpAuthorization#isPerPrincipal() per principal}, the principal whose
 * session the request belongs to, also when no call of theirs is under way (such as the
 * DELETE that ends an idle session); {@code null} otherwise
 * @since 0.2.0
 */
public record AuthorizationRequest(String connectionName, URI serverUrl, String mcpMethod, HttpMethod httpMethod,
		URI url, ContextView context, @Nullable String principal) {

	/**
	 * A request of a connection whose calls share one session.
	 * @param connectionName the connection's name
	 * @param serverUrl the MCP server's URL
	 * @param mcpMethod the MCP method
	 * @param httpMethod the HTTP method
	 * @param url the URL the request goes to
	 * @param context the call's Reactor context
	 */
	public AuthorizationRequest(String connectionName, URI serverUrl, String mcpMethod, HttpMethod httpMethod, URI url,
			ContextView context) {
		this(connectionName, serverUrl, mcpMethod, httpMethod, url, context, null);
	}

}
