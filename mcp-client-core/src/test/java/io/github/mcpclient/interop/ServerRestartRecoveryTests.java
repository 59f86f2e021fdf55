package io.github.mcpclient.interop;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClientHandlers;
import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.interop.RecordingProxy.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many callers against a stateful TypeScript SDK server that restarts under them: every
 * call is answered, and rightly, and each restart costs exactly one new session.
 */
class ServerRestartRecoveryTests {

	private static final int CALLERS = 64;

	private static final int CALLS_PER_CALLER = 10;

	private static final int RESTARTS = 3;

	@RegisterExtension
	static final NodeMcpServer server = NodeMcpServer.sdkV1("stateful");

	@RegisterExtension
	static final ProxiedServer proxy = ProxiedServer.to(server::baseUri);

	@Test
	void callersNeverSeeTheServerRestartThreeTimes() {
		// add_numbers has no side effects, so this connection lets tool calls be repeated
		// after an exchange the restart broke off.
		McpClientSettings settings = Interop.settings("restarting", proxy.url("/mcp"))
			.toBuilder()
			.retry(new McpClientSettings.Retry(true, Duration.ofMillis(50), Duration.ofSeconds(1), true))
			.requestTimeout(Duration.ofSeconds(30))
			.initializeTimeout(Duration.ofSeconds(30))
			.build();
		AtomicInteger answered = new AtomicInteger();
		// Which callers had a call answered since the last restart, and which are done.
		AtomicIntegerArray answeredSince = new AtomicIntegerArray(CALLERS);
		AtomicIntegerArray done = new AtomicIntegerArray(CALLERS);
		try (McpClient client = Interop.client(settings, McpClientHandlers.none())) {
			client.initialize();
			// A call is promised one new session, not two in a row: each restart waits
			// until every caller still calling had an answer from the server that came
			// back, so no call is still on its way from the restart before.
			Mono<Void> restarts = Flux.range(1, RESTARTS).concatMap((restart) -> Mono.fromRunnable(() -> {
				await().atMost(Duration.ofMinutes(2))
					.until(() -> IntStream.range(0, CALLERS)
						.allMatch((caller) -> answeredSince.get(caller) == 1 || done.get(caller) == 1));
				server.restart();
				IntStream.range(0, CALLERS).forEach((caller) -> answeredSince.set(caller, 0));
			})).then().subscribeOn(Schedulers.boundedElastic());

			List<String> wrong = Flux.range(0, CALLERS)
				.flatMap((caller) -> Flux.range(0, CALLS_PER_CALLER)
					.concatMap((call) -> client.reactive()
						.callTool("add_numbers", Map.of("a", caller, "b", call * 1000))
						.map((result) -> {
							answered.incrementAndGet();
							answeredSince.set(caller, 1);
							String expected = Integer.toString(caller + call * 1000);
							String text = Interop.text(result);
							return expected.equals(text) ? "" : caller + "+" + call * 1000 + "=" + text;
						}))
					.doOnComplete(() -> done.set(caller, 1)), CALLERS)
				.filter((mismatch) -> !mismatch.isEmpty())
				.collectList()
				.zipWith(restarts.thenReturn(true), (mismatches, restarted) -> mismatches)
				.block(Duration.ofMinutes(4));

			assertThat(wrong).isEmpty();
			assertThat(answered.get()).isEqualTo(CALLERS * CALLS_PER_CALLER);
			assertThat(client.statistics().failures()).isZero();
			List<Exchange> sessionsOpened = proxy.exchanges()
				.stream()
				.filter((exchange) -> "initialize".equals(exchange.rpcMethod()) && exchange.status() == 200)
				.toList();
			assertThat(sessionsOpened).hasSize(1 + RESTARTS);
			assertThat(client.statistics().reinitializations()).isEqualTo(RESTARTS);
		}
	}

}
