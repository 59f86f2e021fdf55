package io.github.mcpclient.engine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.mcpclient.exception.McpTimeoutException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call's deadline: an answer in time passes, a late one fails the call with a
 * {@link McpTimeoutException} naming the connection and method and cancels the operation,
 * and the timer goes with the first signal.
 */
class DeadlinesTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@Test
	void answerInTimePasses() {
		StepVerifier
			.withVirtualTime(() -> Deadlines.within(Mono.just("ok").delayElement(Duration.ofSeconds(4)), TIMEOUT,
					"weather", "tools/call"))
			.thenAwait(Duration.ofSeconds(4))
			.expectNext("ok")
			.verifyComplete();
	}

	@Test
	void emptyOperationCompletes() {
		StepVerifier.create(Deadlines.within(Mono.empty(), TIMEOUT, "weather", "ping")).verifyComplete();
	}

	@Test
	void failurePassesAsItIs() {
		IllegalStateException failure = new IllegalStateException("boom");
		StepVerifier.create(Deadlines.within(Mono.error(failure), TIMEOUT, "weather", "ping"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isSameAs(failure))
			.verify();
	}

	@Test
	void lateAnswerFailsTheCallAndCancelsTheOperation() {
		AtomicBoolean cancelled = new AtomicBoolean();
		StepVerifier
			.withVirtualTime(() -> Deadlines.within(Mono.never().doOnCancel(() -> cancelled.set(true)), TIMEOUT,
					"weather", "tools/call"))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(4999))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(McpTimeoutException.class)
				.hasMessageContaining("weather")
				.hasMessageContaining("tools/call"))
			.verify();
		assertThat(cancelled).isTrue();
	}

	@Test
	void answerDisarmsTheTimer() {
		Sinks.One<String> answer = Sinks.one();
		StepVerifier.withVirtualTime(() -> Deadlines.within(answer.asMono(), TIMEOUT, "weather", "tools/call"))
			.expectSubscription()
			.then(() -> answer.tryEmitValue("ok"))
			.expectNext("ok")
			.verifyComplete();
	}

	@Test
	void cancellingTheCallCancelsTheOperation() {
		AtomicBoolean cancelled = new AtomicBoolean();
		StepVerifier
			.withVirtualTime(() -> Deadlines.within(Mono.never().doOnCancel(() -> cancelled.set(true)), TIMEOUT,
					"weather", "tools/call"))
			.expectSubscription()
			.thenCancel()
			.verify();
		assertThat(cancelled).isTrue();
	}

	@Test
	void contextReachesTheOperation() {
		Mono<String> operation = Mono.deferContextual((context) -> Mono.just(context.get("key")));
		StepVerifier
			.create(Deadlines.within(operation, TIMEOUT, "weather", "ping").contextWrite((c) -> c.put("key", "v")))
			.expectNext("v")
			.verifyComplete();
	}

}
