package io.github.mcpclient.actuate;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * {@link EndpointWebExtension @EndpointWebExtension} for the {@link McpEndpoint} that
 * answers an unknown connection name with 404.
 *
 * @since 0.1.0
 */
@EndpointWebExtension(endpoint = McpEndpoint.class)
public class McpEndpointWebExtension {

	private final McpEndpoint delegate;

	/**
	 * Create a web extension of the given endpoint.
	 * @param delegate the endpoint
	 */
	public McpEndpointWebExtension(McpEndpoint delegate) {
		this.delegate = delegate;
	}

	/**
	 * End a connection's session.
	 * @param name the connection name
	 * @return 204 when the session was ended, 404 when no connection has that name
	 */
	@DeleteOperation
	public WebEndpointResponse<Void> closeSession(@Selector String name) {
		// A null result of a delete operation would be 204, so the miss is spelled out.
		boolean closed = this.delegate.closeSession(name);
		return new WebEndpointResponse<>(
				closed ? WebEndpointResponse.STATUS_NO_CONTENT : WebEndpointResponse.STATUS_NOT_FOUND);
	}

}
