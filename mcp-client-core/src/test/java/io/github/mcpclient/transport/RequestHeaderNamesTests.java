package io.github.mcpclient.transport;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.protocol.Era;
import io.github.mcpclient.session.McpSession;
import io.github.mcpclient.session.SessionState;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.LongNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names of the headers the transport puts on every request: the standard ones in
 * lower case, so that Spring's case-insensitive header maps need not copy them on each of
 * the many lookups between the WebClient and the wire; the MCP ones in the
 * specification's spelling.
 */
class RequestHeaderNamesTests {

	private static final URI ENDPOINT = URI.create("http://localhost:1/mcp");

	@Test
	void standardHeadersGoOutInLowerCaseAndMcpHeadersAsSpecified() {
		List<ClientRequest> requests = new ArrayList<>();
		WebClient webClient = WebClient.builder().exchangeFunction((request) -> {
			requests.add(request);
			return Mono.just(ClientResponse.create(HttpStatus.ACCEPTED).build());
		}).filter(new McpSessionFilter(new FixedSession())).build();
		McpClientSettings settings = McpClientSettings.builder("names", ENDPOINT).build();
		StreamableHttpTransport transport = new StreamableHttpTransport(settings, webClient,
				new JsonRpcCodec(JsonMapper.builder().build()), new FixedSession());

		transport.request(LongNode.valueOf(1), "tools/list", null, HttpHeaders.EMPTY, true)
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(requests).hasSize(1);
		HttpHeaders headers = requests.get(0).headers();
		assertThat(List.copyOf(headers.headerNames())).containsExactlyInAnyOrder("content-type", "accept",
				"accept-encoding", "MCP-Session-Id", "MCP-Protocol-Version");
		assertThat(headers.getFirst(McpHeaders.PROTOCOL_VERSION)).isEqualTo("2025-11-25");
		assertThat(headers.getFirst(McpHeaders.SESSION_ID)).isEqualTo("session-1");
	}

	private static final class FixedSession implements SessionBinding {

		@Override
		public McpSession current() {
			return new McpSession("names", ENDPOINT, SessionState.READY, Era.LEGACY, "2025-11-25", "session-1", null,
					null, null, null, null);
		}

		@Override
		public boolean assigned(String sessionId) {
			return false;
		}

		@Override
		public void lost(String sessionId) {
		}

	}

}
