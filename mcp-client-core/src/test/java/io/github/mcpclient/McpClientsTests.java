package io.github.mcpclient;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link McpClients}.
 */
class McpClientsTests {

	private static final Duration LONG = Duration.ofSeconds(30);

	@Test
	void keepsTheClientsInTheOrderGiven() {
		McpClient zeta = client("zeta", Mono.empty());
		McpClient alpha = client("alpha", Mono.empty());
		McpClients clients = new McpClients(List.of(zeta, alpha), LONG);

		assertThat(clients.names()).containsExactly("zeta", "alpha");
		assertThat(clients).containsExactly(zeta, alpha);
		assertThat(clients.stream()).containsExactly(zeta, alpha);
		assertThat(clients).hasToString("McpClients[zeta, alpha]");
	}

	@Test
	void findsAClientByName() {
		McpClient weather = client("weather", Mono.empty());
		McpClients clients = new McpClients(List.of(weather), LONG);

		assertThat(clients.get("weather")).isSameAs(weather);
		assertThat(clients.find("weather")).isSameAs(weather);
		assertThat(clients.find("files")).isNull();
	}

	@Test
	void unknownNameNamesTheKnownOnes() {
		McpClients clients = new McpClients(List.of(client("weather", Mono.empty())), LONG);

		assertThatIllegalArgumentException().isThrownBy(() -> clients.get("files"))
			.withMessageContaining("'files'")
			.withMessageContaining("[weather]");
	}

	@Test
	void twoClientsOfOneNameAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new McpClients(List.of(client("weather", Mono.empty()), client("weather", Mono.empty())), LONG))
			.withMessageContaining("'weather'");
	}

	@Test
	void cannotBeChangedThroughItsViews() {
		McpClients clients = new McpClients(List.of(client("weather", Mono.empty())), LONG);

		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> clients.names().clear());
		Iterator<McpClient> iterator = clients.iterator();
		iterator.next();
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(iterator::remove);
	}

	@Test
	void closeEndsEverySessionAtOnce() {
		// The first close completes only once the second has started: one after the
		// other,
		// close would wait out its whole timeout and leave the first unfinished
		Sinks.Empty<Void> secondStarted = Sinks.empty();
		AtomicBoolean firstClosed = new AtomicBoolean();
		McpClient first = client("first", secondStarted.asMono().doOnSuccess((done) -> firstClosed.set(true)));
		McpClient second = client("second", Mono.fromRunnable(secondStarted::tryEmitEmpty));

		new McpClients(List.of(first, second), LONG).close();

		assertThat(firstClosed).isTrue();
	}

	@Test
	void closeReturnsAfterItsTimeoutWhenASessionNeverEnds() {
		AtomicBoolean closed = new AtomicBoolean();
		McpClient stuck = client("stuck", Mono.never());
		McpClient healthy = client("healthy", Mono.fromRunnable(() -> closed.set(true)));

		// Returns rather than blocking shutdown for good, and does not throw
		new McpClients(List.of(stuck, healthy), Duration.ofMillis(50)).close();

		assertThat(closed).isTrue();
	}

	@Test
	void closeGoesOnPastAFailureWithoutThrowing() {
		AtomicBoolean closed = new AtomicBoolean();
		McpClient failing = client("failing", Mono.error(new IllegalStateException("server gone")));
		McpClient healthy = client("healthy", Mono.fromRunnable(() -> closed.set(true)));

		new McpClients(List.of(failing, healthy), LONG).close();

		assertThat(closed).isTrue();
	}

	@Test
	void closingAgainEndsNothingTwice() {
		java.util.concurrent.atomic.AtomicInteger closes = new java.util.concurrent.atomic.AtomicInteger();
		McpClients clients = new McpClients(List.of(client("one", Mono.fromRunnable(closes::incrementAndGet))), LONG);

		// As an application's lifecycle and then its bean's destruction do.
		clients.close();
		clients.close();

		assertThat(closes).hasValue(1);
	}

	private static McpClient client(String name, Mono<Void> close) {
		McpClient client = mock(McpClient.class);
		ReactiveMcpClient reactive = mock(ReactiveMcpClient.class);
		given(client.name()).willReturn(name);
		given(client.reactive()).willReturn(reactive);
		given(reactive.close()).willReturn(close);
		return client;
	}

}
