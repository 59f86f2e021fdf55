package io.github.mcpclient.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.mcpclient.exception.McpAuthorizationFlowException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.mcpclient.McpWireMock.rpc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Everything the flow logs, at every level, names steps and places, never a token, a
 * code, a code verifier or a client secret: each flow of {@link OAuthAuthorizationTests}
 * runs again here with every log line captured and checked.
 */
class OAuthLoggingTests extends OAuthAuthorizationTests {

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final List<Logger> loggers = new ArrayList<>();

	@BeforeEach
	void captureLogs() {
		this.appender.start();
		for (String name : List.of("io.github.mcpclient", "org.springframework.security")) {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			logger.setLevel(Level.TRACE);
			logger.addAppender(this.appender);
			this.loggers.add(logger);
		}
	}

	@AfterEach
	void noSecretWasLogged() {
		List<String> verifiers = as.findAll(postRequestedFor(urlEqualTo("/token")))
			.stream()
			.map((request) -> URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8))
			.filter((body) -> body.contains("code_verifier="))
			.map((body) -> body.replaceAll(".*code_verifier=([^&]+).*", "$1"))
			.toList();
		assertThat(verifiers).allSatisfy((verifier) -> assertThat(verifier).hasSizeGreaterThan(40));
		List<String> lines = this.appender.list.stream().map(OAuthLoggingTests::render).toList();
		for (String secret : concat(List.of(TOKEN, REFRESH, CODE, SECRET), verifiers)) {
			assertThat(lines).noneMatch((line) -> line.contains(secret));
		}
		for (Logger logger : this.loggers) {
			logger.detachAppender(this.appender);
			logger.setLevel(null);
		}
	}

	@Test
	void noSecretIsLoggedAtAnyLevel() {
		// A token that works once, then a refusal that makes the flow run again and fail.
		client(approving(as.baseUrl())).listTools();
		mcp.stubFor(rpc("tools/list").atPriority(1)
			.withHeader("Authorization", equalTo("Bearer " + TOKEN))
			.willReturn(aResponse().withStatus(401)));
		as.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/token"))
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":\"invalid_grant\",\"error_description\":\"" + SECRET + "\"}")));
		assertThatExceptionOfType(McpAuthorizationFlowException.class)
			.isThrownBy(() -> client(approving(as.baseUrl())).listTools());

		assertThat(this.appender.list).extracting(ILoggingEvent::getFormattedMessage)
			.anyMatch((line) -> line.contains("authorization server " + as.baseUrl()));
	}

	private static String render(ILoggingEvent event) {
		StringBuilder line = new StringBuilder(event.getFormattedMessage());
		for (var thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
			line.append(" | ").append(thrown.getMessage());
		}
		return line.toString();
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

}
