package io.github.mcpclient.interop;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClientHandlers;
import io.github.mcpclient.McpClientSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The long run behind docs/reliability.md, outside the default build:
 * {@code mvn -Psoak verify -pl mcp-client-core -am}. Callers keep calling a stateful
 * TypeScript SDK server while it restarts again and again and once stays down for a few
 * seconds; then one caller makes 100,000 calls while the heap after GC is sampled. It
 * prints calls attempted, succeeded and failed by type, sessions opened per restart and
 * the heap samples.
 */
class RestartSoak {

	private static final Duration RUN = Duration.parse(System.getProperty("mcp.soak.run", "PT3M"));

	private static final Duration BETWEEN_RESTARTS = Duration.ofSeconds(15);

	private static final Duration OUTAGE = Duration.ofSeconds(5);

	private static final int CALLERS = 32;

	private static final int MEMORY_CALLS = Integer.getInteger("mcp.soak.memory-calls", 100_000);

	@RegisterExtension
	static final NodeMcpServer server = NodeMcpServer.sdkV1("stateful");

	@RegisterExtension
	static final ProxiedServer proxy = ProxiedServer.to(server::baseUri);

	private final LongAdder attempted = new LongAdder();

	private final LongAdder succeeded = new LongAdder();

	private final LongAdder wrong = new LongAdder();

	private final Map<String, LongAdder> failed = new ConcurrentHashMap<>();

	@Test
	void restartsOutagesAndManyCalls() {
		McpClientSettings settings = Interop.settings("soak", proxy.url("/mcp"))
			.toBuilder()
			.retry(new McpClientSettings.Retry(true, Duration.ofMillis(50), Duration.ofSeconds(1), true))
			.requestTimeout(Duration.ofSeconds(30))
			.initializeTimeout(Duration.ofSeconds(30))
			.build();
		try (McpClient client = Interop.client(settings, McpClientHandlers.none())) {
			client.initialize();
			long restarts = churn(client);
			long sessions = proxy.exchanges()
				.stream()
				.filter((exchange) -> "initialize".equals(exchange.rpcMethod()) && exchange.status() == 200)
				.count();
			proxy.clear();
			print("restarts and outages", restarts, sessions, client);
			Map<Integer, Long> heap = manyCalls(settings);
			System.out.println("[soak] heap after GC by calls made: " + heap);

			assertThat(this.failed).isEmpty();
			assertThat(this.wrong.sum()).isZero();
			assertThat(sessions).isEqualTo(1 + restarts);
		}
	}

	// Callers call until the run ends while the server restarts, once with an outage.
	private long churn(McpClient client) {
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong restarts = new AtomicLong();
		long ends = System.nanoTime() + RUN.toNanos();
		Mono<Void> disruptions = Flux.interval(BETWEEN_RESTARTS, Schedulers.boundedElastic())
			.takeWhile((tick) -> System.nanoTime() < ends)
			.concatMap((tick) -> Mono.fromRunnable(() -> {
				if (tick == 1) {
					server.stop();
					Mono.delay(OUTAGE).block();
					server.relaunch();
				}
				else {
					server.restart();
				}
				restarts.incrementAndGet();
				System.out.println("[soak] disruption " + restarts.get() + (tick == 1 ? " (outage)" : ""));
			}).subscribeOn(Schedulers.boundedElastic()))
			.then(Mono.fromRunnable(() -> running.set(false)));
		Flux.range(0, CALLERS).flatMap((caller) -> Flux.generate(() -> 0, (call, sink) -> {
			sink.next(call);
			return call + 1;
		}).takeWhile((call) -> running.get()).concatMap((call) -> call(client, caller, (Integer) call)), CALLERS)
			.then()
			.and(disruptions)
			.block(RUN.plus(Duration.ofMinutes(3)));
		return restarts.get();
	}

	private Mono<Void> call(McpClient client, int caller, int call) {
		this.attempted.increment();
		int b = call % 100_000;
		return client.reactive().callTool("add_numbers", Map.of("a", caller, "b", b)).doOnNext((result) -> {
			if (Integer.toString(caller + b).equals(Interop.text(result))) {
				this.succeeded.increment();
			}
			else {
				this.wrong.increment();
			}
		}).onErrorResume((ex) -> {
			this.failed.computeIfAbsent(ex.getClass().getSimpleName(), (type) -> new LongAdder()).increment();
			return Mono.empty();
		}).then();
	}

	// Many calls straight to the server, the heap after GC (KiB) sampled every tenth of
	// the way.
	private Map<Integer, Long> manyCalls(McpClientSettings settings) {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		Map<Integer, Long> heap = new TreeMap<>();
		int step = Math.max(1, MEMORY_CALLS / 10);
		try (McpClient client = Interop.client(
				McpClientSettings.builder("soak-direct", server.endpoint()).era(settings.protocol().era()).build(),
				McpClientHandlers.none())) {
			for (int done = 0; done <= MEMORY_CALLS; done += step) {
				System.gc();
				heap.put(done, memory.getHeapMemoryUsage().getUsed() / 1024);
				if (done < MEMORY_CALLS) {
					Flux.range(done, step).flatMap((call) -> call(client, 1, call), 8).then().block();
				}
			}
			print("many calls", 0, 0, client);
		}
		return heap;
	}

	private void print(String phase, long restarts, long sessions, McpClient client) {
		Map<String, Long> failures = new TreeMap<>();
		this.failed.forEach((type, count) -> failures.put(type, count.sum()));
		System.out.println("[soak] " + phase + ": attempted " + this.attempted.sum() + ", succeeded "
				+ this.succeeded.sum() + ", wrong answers " + this.wrong.sum() + ", failed " + failures
				+ ((restarts > 0) ? ", disruptions " + restarts + ", sessions opened " + sessions : "")
				+ ", client statistics " + client.statistics());
	}

}
