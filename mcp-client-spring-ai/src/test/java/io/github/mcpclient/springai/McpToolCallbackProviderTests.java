package io.github.mcpclient.springai;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.mcpclient.McpClients;
import io.github.mcpclient.exception.McpTransportException;
import io.github.mcpclient.protocol.ListToolsResult;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import org.springframework.ai.tool.ToolCallback;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which callbacks the provider offers, and when it asks the servers for their tools.
 */
@ExtendWith(OutputCaptureExtension.class)
class McpToolCallbackProviderTests {

	private final MutableClock clock = new MutableClock();

	private final Map<String, StubServer> servers = new ConcurrentHashMap<>();

	@Test
	void listsNothingUntilAskedAndThenKeepsTheList() {
		StubServer weather = server("weather", page(null, null, "forecast", "alerts"));
		McpToolCallbackProvider provider = builder(weather).build();

		assertThat(weather.listings()).isZero();
		assertThat(names(provider)).containsExactly("weather_forecast", "weather_alerts");
		assertThat(names(provider)).containsExactly("weather_forecast", "weather_alerts");
		assertThat(weather.listings()).isOne();
	}

	@Test
	void followsEveryPage() {
		StubServer big = server("big", page("2", null, "a"), page("3", null, "b"), page(null, null, "c"));

		assertThat(names(builder(big).build())).containsExactly("big_a", "big_b", "big_c");
	}

	@Test
	void aChangeNotificationMakesTheNextRequestListAgain() {
		StubServer weather = server("weather", page(null, null, "forecast"));
		McpToolListChanges changes = new McpToolListChanges();
		McpToolCallbackProvider provider = builder(weather).listChanges(changes).build();
		names(provider);

		weather.pages(page(null, null, "forecast", "radar"));
		assertThat(names(provider)).containsExactly("weather_forecast");
		changes.onToolsListChanged("weather");

		assertThat(names(provider)).containsExactly("weather_forecast", "weather_radar");
		assertThat(weather.listings()).isEqualTo(2);
	}

	@Test
	void aListIsKeptForItsTimeToLive() {
		StubServer modern = server("modern", page(null, 60_000L, "forecast"));
		McpToolCallbackProvider provider = builder(modern).build();
		names(provider);

		this.clock.advance(Duration.ofSeconds(59));
		names(provider);
		assertThat(modern.listings()).isOne();

		modern.pages(page(null, 60_000L, "radar"));
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(names(provider)).containsExactly("modern_radar");
		assertThat(modern.listings()).isEqualTo(2);
	}

	@Test
	void aListWithATimeToLiveOfZeroIsListedEveryTime() {
		StubServer modern = server("modern", page(null, 0L, "forecast"));
		McpToolCallbackProvider provider = builder(modern).build();

		names(provider);
		names(provider);

		assertThat(modern.listings()).isEqualTo(2);
	}

	@Test
	void theShortestTimeToLiveOfThePagesCounts() {
		StubServer modern = server("modern", page("2", 60_000L, "a"), page(null, 1_000L, "b"));
		McpToolCallbackProvider provider = builder(modern).build();
		names(provider);

		this.clock.advance(Duration.ofSeconds(1));
		names(provider);

		assertThat(modern.listings()).isEqualTo(2);
	}

	@Test
	void aStubServerThatIsDownCostsOnlyItsOwnToolsAndIsLoggedOnce(CapturedOutput output) {
		StubServer up = server("up", page(null, null, "echo"));
		StubServer down = server("down");
		down.failWith(new McpTransportException("down", "tools/list", "Connection refused", null));
		McpToolCallbackProvider provider = builder(up, down).retryInterval(Duration.ZERO).build();

		assertThat(names(provider)).containsExactly("up_echo");
		assertThat(names(provider)).containsExactly("up_echo");
		assertThat(names(provider)).containsExactly("up_echo");

		assertThat(down.listings()).isEqualTo(3);
		assertThat(up.listings()).isOne();
		assertThat(output.getAll().split("Could not list the tools of MCP connection 'down'", -1)).hasSize(2);
		assertThat(output).contains("Connection refused");
	}

	@Test
	void aStubServerThatIsDownIsAskedAgainAfterTheRetryInterval() {
		StubServer down = server("flaky");
		down.failWith(new McpTransportException("flaky", "tools/list", "Connection refused", null));
		McpToolCallbackProvider provider = builder(down).retryInterval(Duration.ofSeconds(30)).build();
		assertThat(names(provider)).isEmpty();
		assertThat(names(provider)).isEmpty();
		assertThat(down.listings()).isOne();

		down.pages(page(null, null, "echo"));
		this.clock.advance(Duration.ofSeconds(30));

		assertThat(names(provider)).containsExactly("flaky_echo");
	}

	@Test
	void aChangeDuringAListingIsNotLost() {
		StubServer slow = server("slow", page(null, null, "old"));
		Sinks.One<ListToolsResult> pending = Sinks.one();
		slow.answerWith(pending.asMono());
		McpToolListChanges changes = new McpToolListChanges();
		McpToolCallbackProvider provider = builder(slow).listChanges(changes).build();

		ToolCallback[][] first = new ToolCallback[1][];
		Thread caller = new Thread(() -> first[0] = provider.getToolCallbacks());
		caller.start();
		org.awaitility.Awaitility.await().until(() -> slow.listings() == 1);
		changes.onToolsListChanged("slow");
		pending.tryEmitValue(page(null, null, "old"));
		org.awaitility.Awaitility.await().until(() -> !caller.isAlive());

		slow.answerWith(null);
		slow.pages(page(null, null, "new"));
		assertThat(names(first[0])).containsExactly("slow_old");
		assertThat(names(provider)).containsExactly("slow_new");
	}

	@Test
	void theFilterDecidesWhichToolsAreOffered() {
		StubServer files = server("files", page(null, null, "read_file", "delete_file", "list_dir"));
		McpToolCallbackProvider provider = builder(files)
			.filter((connection, tool) -> !tool.name().startsWith("delete"))
			.build();

		assertThat(names(provider)).containsExactly("files_read_file", "files_list_dir");
	}

	@Test
	void clashingToolNamesOfTwoConnectionsStayApart() {
		StubServer web = server("web", page(null, null, "search"));
		StubServer docs = server("docs", page(null, null, "search"));

		List<String> prefixed = names(builder(web, docs).build());
		List<String> bare = names(builder(web, docs).naming(McpToolNaming.toolNameOnly()).build());

		assertThat(prefixed).containsExactly("web_search", "docs_search");
		assertThat(bare).hasSize(2).doesNotHaveDuplicates().first().isEqualTo("search");
		assertThat(bare.get(1)).matches("search_[0-9a-f]{8}");
	}

	@Test
	void aToolListedTwiceIsOfferedOnce() {
		StubServer sloppy = server("sloppy", page(null, null, "echo", "echo"));

		assertThat(names(builder(sloppy).build())).containsExactly("sloppy_echo");
	}

	@Test
	void callbacksCallTheToolOnItsOwnConnection() {
		StubServer web = server("web", page(null, null, "search"));
		StubServer docs = server("docs", page(null, null, "search"));
		ToolCallback[] callbacks = builder(web, docs).build().getToolCallbacks();

		assertThat(Arrays.stream(callbacks).map((callback) -> ((McpToolCallback) callback).connectionName()))
			.containsExactly("web", "docs");
		assertThat(Arrays.stream(callbacks).map((callback) -> ((McpToolCallback) callback).tool().name()))
			.containsExactly("search", "search");
	}

	@Test
	void onAThreadThatMustNotBlockTheToolsAtHandAreOfferedAndTheRestListedInTheBackground() {
		StubServer weather = server("weather", page(null, null, "forecast"));
		McpToolCallbackProvider provider = builder(weather).build();

		List<String> first = Mono.fromCallable(() -> names(provider))
			.subscribeOn(Schedulers.parallel())
			.block(Duration.ofSeconds(10));

		assertThat(first).isEmpty();
		org.awaitility.Awaitility.await().until(() -> weather.listings() == 1);
		List<String> later = Mono.fromCallable(() -> names(provider))
			.subscribeOn(Schedulers.parallel())
			.block(Duration.ofSeconds(10));
		assertThat(later).containsExactly("weather_forecast");
	}

	private McpToolCallbackProvider.Builder builder(StubServer... servers) {
		McpClients clients = new McpClients(Arrays.stream(servers).map(StubServer::client).toList(),
				Duration.ofSeconds(1));
		return McpToolCallbackProvider.builder(clients).clock(this.clock);
	}

	private StubServer server(String name, ListToolsResult... pages) {
		StubServer server = new StubServer(name);
		server.pages(pages);
		this.servers.put(name, server);
		return server;
	}

	private static ListToolsResult page(@Nullable String nextCursor, @Nullable Long ttlMs, String... toolNames) {
		return StubServer.page(nextCursor, ttlMs, toolNames);
	}

	private static List<String> names(McpToolCallbackProvider provider) {
		return names(provider.getToolCallbacks());
	}

	private static List<String> names(ToolCallback[] callbacks) {
		return Arrays.stream(callbacks).map((callback) -> callback.getToolDefinition().name()).toList();
	}

}
