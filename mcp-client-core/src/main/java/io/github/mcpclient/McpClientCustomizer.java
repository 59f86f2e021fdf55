package io.github.mcpclient;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Callback that customizes the {@link WebClient.Builder} of each MCP connection before
 * its HTTP client is built, for example to add a filter or tune the HTTP connector. That
 * happens once per connection, on its first call, not when the client is created.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface McpClientCustomizer {

	/**
	 * Customize the HTTP client of one connection.
	 * @param connectionName the name of the connection being built
	 * @param webClientBuilder a builder private to that connection
	 */
	void customize(String connectionName, WebClient.Builder webClientBuilder);

}
