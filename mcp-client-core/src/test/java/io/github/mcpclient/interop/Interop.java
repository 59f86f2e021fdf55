package io.github.mcpclient.interop;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.github.mcpclient.EraVerdicts;
import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClientHandlers;
import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.engine.McpClientFactory;
import io.github.mcpclient.exception.McpTransportException;
import io.github.mcpclient.protocol.CallToolResult;
import io.github.mcpclient.protocol.Content;
import io.github.mcpclient.protocol.Era;
import io.github.mcpclient.protocol.TextContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the interop tests share: a client built the way a user builds one, and raw HTTP
 * for checking a server's side of things without our client in the way.
 */
final class Interop {

	static final Duration TIMEOUT = Duration.ofSeconds(15);

	private static final HttpClient raw = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private Interop() {
	}

	/**
	 * Settings as a user would write them, with timeouts that fail a stuck test quickly.
	 * @param name the connection name
	 * @param endpoint the MCP endpoint
	 * @return the settings, to adjust with their {@code with...} methods
	 */
	static McpClientSettings settings(String name, URI endpoint) {
		// The legacy servers' tests check the wire exchange by exchange; choosing the era
		// automatically is tested against them separately.
		return McpClientSettings.of(name, endpoint)
			.toBuilder()
			.era(Era.LEGACY)
			.requestTimeout(TIMEOUT)
			.initializeTimeout(TIMEOUT)
			.build();
	}

	static McpClient client(String name, URI endpoint) {
		return client(settings(name, endpoint), McpClientHandlers.none());
	}

	/**
	 * A client with handlers for what the server asks of it and listeners for what it
	 * announces.
	 * @param settings the settings, for example with the listening GET stream on
	 * @param handlers the handlers and listeners
	 * @return the client
	 */
	static McpClient client(McpClientSettings settings, McpClientHandlers handlers) {
		return client(settings, handlers, EraVerdicts.inMemory());
	}

	static McpClient client(McpClientSettings settings, McpClientHandlers handlers, EraVerdicts verdicts) {
		return McpClientFactory.builder().eraVerdicts(verdicts).build().create(settings, handlers);
	}

	/**
	 * Close a client that a test may have left with nothing to end: one that never
	 * connected, or one whose server was restarted under it.
	 * @param client the client
	 */
	static void close(McpClient client) {
		try {
			client.close();
		}
		catch (McpTransportException ex) {
			// Expected when there is nothing left to end.
		}
	}

	/**
	 * The text of a tool result that holds exactly one text block.
	 * @param result the result
	 * @return the text
	 */
	static String text(CallToolResult result) {
		assertThat(result.error()).as("isError of %s", result).isNotEqualTo(Boolean.TRUE);
		List<Content> content = result.content();
		assertThat(content).hasSize(1).first().isInstanceOf(TextContent.class);
		return ((TextContent) content.get(0)).text();
	}

	/**
	 * POST a {@code tools/list} request by hand with a given session id.
	 * @param endpoint the MCP endpoint
	 * @param sessionId the session id to send
	 * @param protocolVersion the protocol version header to send
	 * @return the server's response
	 */
	static HttpResponse<String> postToolsList(URI endpoint, String sessionId, String protocolVersion)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(endpoint)
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.header("MCP-Session-Id", sessionId)
			.header("MCP-Protocol-Version", protocolVersion)
			.POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"tools/list\"}"))
			.build();
		return raw.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * DELETE a session by hand, as another party (or the server's own expiry) might end
	 * it.
	 * @param endpoint the MCP endpoint
	 * @param sessionId the session to end
	 * @param protocolVersion the protocol version header to send
	 * @return the server's response
	 */
	static HttpResponse<String> deleteSession(URI endpoint, String sessionId, String protocolVersion)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(endpoint)
			.timeout(TIMEOUT)
			.header("MCP-Session-Id", sessionId)
			.header("MCP-Protocol-Version", protocolVersion)
			.DELETE()
			.build();
		return raw.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
