package io.github.mcpclient.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.github.mcpclient.McpClient;
import io.github.mcpclient.actuate.McpEndpoint;
import io.github.mcpclient.autoconfigure.testbed.OAuthTestBed;
import io.github.mcpclient.exception.McpException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tokens and client secrets never reach a log line, at any level, an exception message or
 * the Actuator endpoint, even from a server that echoes the token back.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuthorizationSecretsTests {

	// The client's side only: the test bed's server runs in this JVM and is not ours.
	private static final List<String> CLIENT_LOGGERS = List.of("io.github.mcpclient",
			"org.springframework.security.oauth2.client", "org.springframework.web.reactive",
			"org.springframework.http.codec", "org.springframework.core.codec", "reactor.netty.http.client",
			"reactor.netty.resources", "reactor.netty.transport");

	private static OAuthTestBed testBed;

	@BeforeAll
	static void start() {
		testBed = OAuthTestBed.start();
	}

	@AfterAll
	static void stop() {
		testBed.close();
	}

	@Test
	void noTokenOrSecretInLogsExceptionsOrTheEndpoint(CapturedOutput output) {
		Map<String, Level> previous = traceClientLoggers();
		String[] token = new String[1];
		try {
			new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(McpClientAutoConfiguration.class,
						WebClientAutoConfiguration.class, McpEndpointAutoConfiguration.class))
				.withUserConfiguration(ClientCredentialsIntegrationTests.ApplicationTokenStore.class)
				.withPropertyValues("management.endpoints.web.exposure.include=mcp",
						"mcp.client.connections.notes.url=" + testBed.mcpUrl(),
						"mcp.client.connections.notes.authorization.grant=client-credentials",
						"mcp.client.connections.notes.authorization.client-id=" + OAuthTestBed.SERVICE_CLIENT,
						"mcp.client.connections.notes.authorization.client-secret=" + OAuthTestBed.SERVICE_SECRET)
				.run((context) -> {
					McpClient client = context.getBean(McpClient.class);
					String echoed = ClientCredentialsIntegrationTests
						.text(client.callTool("echo_authorization", Map.of()));
					token[0] = context.getBean(ReactiveOAuth2AuthorizedClientService.class)
						.<OAuth2AuthorizedClient>loadAuthorizedClient(
								McpClientRegistrations.registrationId("notes", testBed.issuer()),
								McpClientRegistrations.PRINCIPAL)
						.block()
						.getAccessToken()
						.getTokenValue();
					// The server does echo it: a tool's answer is the caller's data.
					assertThat(echoed).contains(token[0]);
					McpException failure = catchThrowableOfType(McpException.class,
							() -> client.callTool("echo_authorization_error", Map.of()));
					assertThat(failure).isNotNull();
					assertThat(failure.getMessage()).doesNotContain(token[0]);
					Object connections = context.getBean(McpEndpoint.class).connections(SecurityContext.NONE);
					String json = JsonMapper.builder().build().writeValueAsString(connections);
					assertThat(json).contains("\"kind\":\"client-credentials\"")
						.doesNotContain(token[0])
						.doesNotContain(OAuthTestBed.SERVICE_SECRET);
				});
		}
		finally {
			previous.forEach((name, level) -> loggers().getLogger(name).setLevel(level));
		}
		String basic = Base64.getEncoder()
			.encodeToString(
					(OAuthTestBed.SERVICE_CLIENT + ":" + OAuthTestBed.SERVICE_SECRET).getBytes(StandardCharsets.UTF_8));
		assertThat(output.getAll()).contains("io.github.mcpclient")
			.doesNotContain(token[0])
			.doesNotContain(OAuthTestBed.SERVICE_SECRET)
			.doesNotContain(basic);
	}

	private static Map<String, Level> traceClientLoggers() {
		Map<String, Level> previous = new LinkedHashMap<>();
		for (String name : CLIENT_LOGGERS) {
			ch.qos.logback.classic.Logger logger = loggers().getLogger(name);
			previous.put(name, logger.getLevel());
			logger.setLevel(Level.TRACE);
		}
		return previous;
	}

	private static LoggerContext loggers() {
		return (LoggerContext) LoggerFactory.getILoggerFactory();
	}

}
