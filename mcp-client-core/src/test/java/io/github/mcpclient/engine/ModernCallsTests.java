package io.github.mcpclient.engine;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mcpclient.McpClientHandlers;
import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.McpWireMock;
import io.github.mcpclient.protocol.Implementation;
import io.github.mcpclient.protocol.PaginatedRequest;
import io.github.mcpclient.protocol.ReadResourceRequest;
import io.github.mcpclient.transport.JsonRpcCodec;
import io.github.mcpclient.transport.McpSessionFilter;
import io.github.mcpclient.transport.Redactor;
import io.github.mcpclient.transport.StreamableHttpTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

import static io.github.mcpclient.McpWireMock.json;
import static io.github.mcpclient.McpWireMock.rpc;
import static io.github.mcpclient.McpWireMock.rpcRequested;

/**
 * The modern era's result cache: what is cached, for how long, and what a notification
 * makes stale.
 */
class ModernCallsTests {

	@RegisterExtension
	static final WireMockExtension server = McpWireMock.extension();

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final MovableClock clock = new MovableClock();

	private final ModernDialect dialect = dialect();

	private ModernDialect dialect() {
		URI url = McpWireMock.endpoint(server);
		McpSessionHolder holder = new McpSessionHolder("cache", url);
		WebClient webClient = WebClient.builder().filter(new McpSessionFilter(holder)).build();
		StreamableHttpTransport transport = new StreamableHttpTransport(McpClientSettings.of("cache", url), webClient,
				new JsonRpcCodec(this.mapper), holder);
		ServerMessageHandler serverMessages = new ServerMessageHandler("cache", McpClientHandlers.none(), this.mapper);
		Redactor redactor = new Redactor(() -> null, Map.of());
		RpcChannel rpc = new RpcChannel("cache", transport, holder, serverMessages, this.mapper, redactor,
				new Retries("cache", McpClientSettings.Retry.NONE, holder));
		ModernCalls calls = new ModernCalls("cache", rpc, serverMessages, this.mapper, this.clock);
		ModernRequests requests = new ModernRequests("cache", new Implementation("test", "1"),
				McpClientHandlers.none().modernCapabilities(), this.mapper);
		return new ModernDialect("cache", "2026-07-28", requests, rpc, holder, calls,
				new ResultConverter("cache", this.mapper, redactor));
	}

	private JsonNode call(String method, Object params) {
		return this.dialect.call(method, params, TIMEOUT, Mono::empty).block(TIMEOUT);
	}

	@Test
	void aResultWithATimeToLiveIsServedFromTheCacheUntilItExpires() {
		server.stubFor(rpc("tools/list").willReturn(json("{\"tools\":[],\"ttlMs\":60000}")));

		call("tools/list", new PaginatedRequest(null));
		this.clock.advance(Duration.ofSeconds(59));
		call("tools/list", new PaginatedRequest(null));
		server.verify(1, rpcRequested("tools/list"));

		this.clock.advance(Duration.ofSeconds(2));
		call("tools/list", new PaginatedRequest(null));
		server.verify(2, rpcRequested("tools/list"));
	}

	@Test
	void eachPageAndEachResourceIsCachedOnItsOwn() {
		server.stubFor(rpc("tools/list").willReturn(json("{\"tools\":[],\"ttlMs\":60000}")));
		server.stubFor(rpc("resources/read").willReturn(json("{\"contents\":[],\"ttlMs\":60000}")));

		call("tools/list", new PaginatedRequest(null));
		call("tools/list", new PaginatedRequest("page-2"));
		call("resources/read", new ReadResourceRequest("file:///a"));
		call("resources/read", new ReadResourceRequest("file:///b"));
		call("resources/read", new ReadResourceRequest("file:///a"));

		server.verify(2, rpcRequested("tools/list"));
		server.verify(2, rpcRequested("resources/read"));
	}

	@Test
	void withoutATimeToLiveNothingIsCached() {
		server.stubFor(rpc("prompts/list").willReturn(json("{\"prompts\":[],\"ttlMs\":0}")));
		server.stubFor(rpc("resources/list").willReturn(json("{\"resources\":[]}")));

		call("prompts/list", new PaginatedRequest(null));
		call("prompts/list", new PaginatedRequest(null));
		call("resources/list", new PaginatedRequest(null));
		call("resources/list", new PaginatedRequest(null));

		server.verify(2, rpcRequested("prompts/list"));
		server.verify(2, rpcRequested("resources/list"));
	}

	@Test
	void toolCallsAreNeverCached() {
		server.stubFor(rpc("tools/call").willReturn(json("{\"content\":[],\"ttlMs\":60000}")));

		call("tools/call", Map.of("name", "add"));
		call("tools/call", Map.of("name", "add"));

		server.verify(2, rpcRequested("tools/call"));
	}

	@Test
	void aChangeNotificationMakesOnlyWhatItConcernsStale() {
		server.stubFor(rpc("tools/list").willReturn(json("{\"tools\":[],\"ttlMs\":60000}")));
		server.stubFor(rpc("prompts/list").willReturn(json("{\"prompts\":[],\"ttlMs\":60000}")));
		server.stubFor(rpc("resources/read").willReturn(json("{\"contents\":[],\"ttlMs\":60000}")));
		call("tools/list", new PaginatedRequest(null));
		call("prompts/list", new PaginatedRequest(null));
		call("resources/read", new ReadResourceRequest("file:///a"));

		this.dialect.onNotification("notifications/tools/list_changed", null);
		this.dialect.onNotification("notifications/resources/updated", null);
		call("tools/list", new PaginatedRequest(null));
		call("prompts/list", new PaginatedRequest(null));
		call("resources/read", new ReadResourceRequest("file:///a"));

		server.verify(2, rpcRequested("tools/list"));
		server.verify(1, rpcRequested("prompts/list"));
		server.verify(2, rpcRequested("resources/read"));
	}

	@Test
	void aResultReachedThroughInputRoundsIsNotCached() {
		server.stubFor(rpc("resources/read").inScenario("input")
			.whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
			.willReturn(json("{\"resultType\":\"input_required\",\"requestState\":\"s\"}"))
			.willSetStateTo("answered"));
		server.stubFor(rpc("resources/read").inScenario("input")
			.whenScenarioStateIs("answered")
			.willReturn(json("{\"contents\":[],\"ttlMs\":60000}")));

		call("resources/read", new ReadResourceRequest("file:///a"));
		call("resources/read", new ReadResourceRequest("file:///a"));

		server.verify(3, rpcRequested("resources/read"));
	}

	private static final class MovableClock extends Clock {

		private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
