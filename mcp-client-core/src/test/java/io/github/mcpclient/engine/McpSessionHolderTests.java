package io.github.mcpclient.engine;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.github.mcpclient.protocol.Era;
import io.github.mcpclient.protocol.Implementation;
import io.github.mcpclient.session.McpSession;
import io.github.mcpclient.session.McpSessionStatistics;
import io.github.mcpclient.session.SessionIds;
import io.github.mcpclient.session.SessionState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class McpSessionHolderTests {

	private final McpSessionHolder holder = new McpSessionHolder("weather", URI.create("http://localhost/mcp"));

	@Test
	void activityWithinTheSameMillisecondKeepsTheSessionRecord() {
		MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00.000500Z"));
		McpSessionHolder holder = new McpSessionHolder("weather", URI.create("http://localhost/mcp"), clock);
		holder.initializing();
		holder.established("2025-11-25", null, null, null);

		clock.advance(Duration.ofMillis(1));
		holder.recordActivity();
		McpSession afterFirst = holder.current();
		assertThat(afterFirst.lastActivityAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.001Z"));

		clock.advance(Duration.ofNanos(400_000));
		holder.recordActivity();
		holder.recordActivity();
		assertThat(holder.current()).isSameAs(afterFirst);

		clock.advance(Duration.ofMillis(1));
		holder.recordActivity();
		assertThat(holder.current().lastActivityAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.002Z"));
		assertThat(holder.current().sessionId()).isEqualTo(afterFirst.sessionId());
		assertThat(holder.current().state()).isEqualTo(SessionState.READY);
	}

	@Test
	void startsNew() {
		assertThat(this.holder.current().state()).isEqualTo(SessionState.NEW);
		assertThat(this.holder.current().sessionId()).isNull();
	}

	@Test
	void capturesOnlyDuringInitializeAndOnlyOnce() {
		assertThat(this.holder.assigned("too-early")).isFalse();
		this.holder.initializing();
		assertThat(this.holder.assigned("first")).isTrue();
		assertThat(this.holder.assigned("second")).isFalse();
		this.holder.established("2025-11-25", new Implementation("srv", "1"), null, null);
		assertThat(this.holder.assigned("third")).isFalse();

		McpSession session = this.holder.current();
		assertThat(session.sessionId()).isEqualTo("first");
		assertThat(session.state()).isEqualTo(SessionState.READY);
		assertThat(session.era()).isEqualTo(Era.LEGACY);
		assertThat(session.protocolVersion()).isEqualTo("2025-11-25");
		assertThat(session.establishedAt()).isNotNull();
	}

	@Test
	void expiresOnlyTheSessionThatFailed() {
		this.holder.initializing();
		this.holder.assigned("old");
		this.holder.established("2025-11-25", null, null, null);
		assertThat(this.holder.expire("old")).isTrue();
		assertThat(this.holder.current().state()).isEqualTo(SessionState.EXPIRED);
		assertThat(this.holder.current().protocolVersion()).isNull();

		this.holder.initializing();
		this.holder.assigned("new");
		this.holder.established("2025-11-25", null, null, null);
		assertThat(this.holder.expire("old")).isFalse();
		assertThat(this.holder.current().sessionId()).isEqualTo("new");
		assertThat(this.holder.statistics().reinitializations()).isEqualTo(1);
	}

	@Test
	void recordsFailuresAndRequests() {
		this.holder.recordRequest();
		this.holder.recordRequest();
		this.holder.recordFailure(new IllegalStateException("boom"));

		McpSessionStatistics statistics = this.holder.statistics();
		assertThat(statistics.requests()).isEqualTo(2);
		assertThat(statistics.failures()).isEqualTo(1);
		assertThat(statistics.lastError().type()).isEqualTo(IllegalStateException.class.getName());
		assertThat(statistics.lastError().message()).isEqualTo("boom");
	}

	@Test
	void toStringMasksTheSessionId() {
		this.holder.initializing();
		this.holder.assigned("0123456789abcdef");

		assertThat(this.holder.current().toString()).doesNotContain("0123456789abcdef").contains("0123****");
	}

	@Test
	void masksAndFingerprintsSessionIds() {
		assertThat(SessionIds.mask(null)).isEqualTo("none");
		assertThat(SessionIds.mask("short")).isEqualTo("****");
		assertThat(SessionIds.mask("abcdefghijkl")).isEqualTo("abcd****");
		assertThat(SessionIds.fingerprint("abc")).hasSize(12)
			.isEqualTo(SessionIds.fingerprint("abc"))
			.isNotEqualTo(SessionIds.fingerprint("abd"));
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
