package io.github.mcpclient.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.auth.LoopbackUserAgent;
import io.github.mcpclient.autoconfigure.testbed.OAuthTestBed;
import io.github.mcpclient.protocol.CallToolResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization-code grant of an application that is not a web application, such as a
 * command-line tool, end to end against the test bed's Spring Authorization Server: the
 * user authorizes in a browser and the callback comes back to a loopback port.
 */
class LoopbackAuthorizationIntegrationTests {

	private static final Pattern LOGGED_URL = Pattern.compile("open (\\S+) in a browser");

	private static OAuthTestBed testBed;

	@BeforeAll
	static void start() {
		testBed = OAuthTestBed.start();
	}

	@AfterAll
	static void stop() {
		testBed.close();
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(McpClientAutoConfiguration.class, WebClientAutoConfiguration.class))
			.withPropertyValues("mcp.client.connections.notes.url=" + testBed.mcpUrl(),
					"mcp.client.connections.notes.authorization.grant=authorization-code",
					"mcp.client.connections.notes.authorization.client-id=" + OAuthTestBed.USER_CLIENT,
					// The test bed's registration; any port of a loopback address is
					// accepted.
					"mcp.client.connections.notes.authorization.redirect-uri=http://127.0.0.1/login/oauth2/code/mcp");
	}

	@Test
	void theUserAuthorizesInTheirBrowserAndTheCallbackComesBackToThisMachine() {
		List<URI> opened = new CopyOnWriteArrayList<>();
		this.runner().withBean(LoopbackUserAgent.Browser.class, () -> (url) -> {
			opened.add(url);
			authorize("alice", url);
		}).run((context) -> {
			McpClient client = context.getBean(McpClient.class);

			assertThat(text(client.callTool("my_notes", Map.of()))).isEqualTo("notes of alice");
			assertThat(opened).hasSize(1);
			Map<String, String> request = Browser.query(opened.get(0));
			assertThat(request).containsEntry("client_id", OAuthTestBed.USER_CLIENT)
				.containsEntry("code_challenge_method", "S256")
				.containsEntry("resource", testBed.mcpUrl().toString());
			URI redirectUri = URI.create(request.get("redirect_uri"));
			assertThat(redirectUri.getHost()).isEqualTo("127.0.0.1");
			assertThat(redirectUri.getPath()).isEqualTo("/login/oauth2/code/mcp");
			assertThat(redirectUri.getPort()).isPositive();

			// Authorized: the token is kept, and the browser is not opened again.
			assertThat(text(client.callTool("my_notes", Map.of()))).isEqualTo("notes of alice");
			assertThat(opened).hasSize(1);
		});
	}

	@Test
	void withoutADesktopTheAuthorizationUrlIsLoggedForTheUserToOpen() {
		// Spring Boot applications run headless, as servers and command-line tools do.
		String headless = System.setProperty("java.awt.headless", "true");
		// Read from the logger itself: what reaches the console depends on how logging
		// was set up by whatever ran before in this JVM.
		ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
			.getLogger(McpLoopbackUserAgents.class);
		ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> output = new ch.qos.logback.core.read.ListAppender<>();
		output.start();
		logger.addAppender(output);
		try {
			this.runner().run((context) -> {
				Mono<CallToolResult> call = context.getBean(McpClient.class)
					.reactive()
					.callTool("my_notes", Map.of())
					.cache();
				call.subscribe();
				String line = loggedLine(output);
				assertThat(line).startsWith("MCP connection 'notes' needs your authorization");
				Matcher url = LOGGED_URL.matcher(line);
				assertThat(url.find()).isTrue();
				URI logged = URI.create(url.group(1));

				authorize("bob", logged);

				assertThat(text(call.block())).isEqualTo("notes of bob");
			});
		}
		finally {
			logger.detachAppender(output);
			if (headless == null) {
				System.clearProperty("java.awt.headless");
			}
			else {
				System.setProperty("java.awt.headless", headless);
			}
		}
	}

	@Test
	void aRedirectUriOffThisMachineStopsStartupNamingTheProperty() {
		this.runner()
			.withPropertyValues(
					"mcp.client.connections.notes.authorization.redirect-uri=https://app.example.com/callback")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("mcp.client.connections.notes.authorization.redirect-uri")
				.hasMessageContaining("loopback address"));
	}

	// Waits for the warning the call logs once it needs the user.
	private static String loggedLine(
			ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> output) {
		return Mono
			.fromCallable(() -> output.list.stream()
				.filter((event) -> event.getLevel() == ch.qos.logback.classic.Level.WARN)
				.map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
				.findFirst()
				.orElse(null))
			.repeatWhenEmpty((attempts) -> attempts.delayElements(java.time.Duration.ofMillis(20)))
			.block(java.time.Duration.ofMinutes(2));
	}

	private static String text(CallToolResult result) {
		return ClientCredentialsIntegrationTests.text(result);
	}

	// A user's browser, signed in to nothing but the authorization server, ends on the
	// application's loopback callback page.
	private static void authorize(String user, URI authorizationUrl) throws IOException {
		try {
			assertThat(new Browser(user, testBed, "http://application.invalid").open(authorizationUrl.toString()))
				.contains("You may close this window");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

}
