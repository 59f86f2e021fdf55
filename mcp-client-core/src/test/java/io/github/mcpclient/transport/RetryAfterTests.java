package io.github.mcpclient.transport;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTests {

	private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

	@Test
	void secondsAreADelay() {
		assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
		assertThat(RetryAfter.parse(" 0 ", NOW)).isEqualTo(Duration.ZERO);
	}

	@Test
	void anHttpDateIsTheTimeUntilThen() {
		assertThat(RetryAfter.parse("Sun, 29 Nov 2026 10:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void aDateInThePastMeansNow() {
		assertThat(RetryAfter.parse("Sun, 29 Nov 2026 09:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
	}

	@Test
	void whatCannotBeReadIsIgnored() {
		assertThat(RetryAfter.parse(null, NOW)).isNull();
		assertThat(RetryAfter.parse("", NOW)).isNull();
		assertThat(RetryAfter.parse("soon", NOW)).isNull();
		assertThat(RetryAfter.parse("-5", NOW)).isNull();
		assertThat(RetryAfter.parse("99999999999999999999", NOW)).isNull();
	}

}
