package io.github.mcpclient.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SessionIdsTests {

	@ParameterizedTest
	@ValueSource(strings = { "a", "1868a90c-2b6e-4f2c-9bb7-11c1b1e3c2a1", "!~\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}" })
	void acceptsVisibleAscii(String sessionId) {
		assertThat(SessionIds.problemWith(sessionId)).isNull();
	}

	@Test
	void acceptsTheLongestIdAllowed() {
		assertThat(SessionIds.problemWith("x".repeat(SessionIds.MAX_LENGTH))).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "with space", "tab\there", "new\nline", "nul\0", "del\u007f", "caf\u00e9", "\u2028" })
	void refusesAnythingButVisibleAscii(String sessionId) {
		assertThat(SessionIds.problemWith(sessionId)).contains("not visible ASCII (0x21-0x7E)")
			.doesNotContain(sessionId);
	}

	@Test
	void refusesAnIdLongerThanTheBound() {
		assertThat(SessionIds.problemWith("x".repeat(SessionIds.MAX_LENGTH + 1)))
			.isEqualTo("it is 1025 characters long, more than 1024");
	}

	@Test
	void masksAllButAShortPrefix() {
		assertThat(SessionIds.mask("session-0123456789")).isEqualTo("sess****");
		assertThat(SessionIds.mask("short")).isEqualTo("****");
		assertThat(SessionIds.mask(null)).isEqualTo("none");
	}

}
