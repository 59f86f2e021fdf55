package io.github.mcpclient.autoconfigure;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization-code grant of an application that is not a web application, such as a
 * command-line tool, end to end against the test bed's Spring Authorization Server: the
 * user authorizes in a browser and the callback comes back to a loopback port.
 */
@ExtendWith(OutputCaptureExtension.class)
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
			new SignIn("alice").authorize(url);
		}).run((context) -> {
			McpClient client = context.getBean(McpClient.class);

			assertThat(text(client.callTool("my_notes", Map.of()))).isEqualTo("notes of alice");
			assertThat(opened).hasSize(1);
			Map<String, String> request = query(opened.get(0));
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
	void withoutADesktopTheAuthorizationUrlIsLoggedForTheUserToOpen(CapturedOutput output) {
		// Spring Boot applications run headless, as servers and command-line tools do.
		String headless = System.setProperty("java.awt.headless", "true");
		try {
			this.runner().run((context) -> {
				Mono<CallToolResult> call = context.getBean(McpClient.class)
					.reactive()
					.callTool("my_notes", Map.of())
					.cache();
				call.subscribe();
				URI logged = loggedUrl(output);
				assertThat(output.getOut()).contains("MCP connection 'notes' needs your authorization");

				new SignIn("bob").authorize(logged);

				assertThat(text(call.block())).isEqualTo("notes of bob");
			});
		}
		finally {
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

	// Waits for the log line the call writes once it needs the user.
	private static URI loggedUrl(CapturedOutput output) {
		return Mono.fromCallable(() -> {
			Matcher url = LOGGED_URL.matcher(output.getOut());
			return url.find() ? URI.create(url.group(1)) : null;
		})
			.repeatWhenEmpty((attempts) -> attempts.delayElements(java.time.Duration.ofMillis(20)))
			.block(java.time.Duration.ofMinutes(2));
	}

	private static String text(CallToolResult result) {
		return ClientCredentialsIntegrationTests.text(result);
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> parameters = new java.util.LinkedHashMap<>();
		for (String pair : uri.getRawQuery().split("&")) {
			String[] parts = pair.split("=", 2);
			parameters.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
					URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
		}
		return parameters;
	}

	/**
	 * A user's browser: signs in at the authorization server with its login form and
	 * follows the redirects down to the application's loopback callback.
	 */
	private static final class SignIn {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

		private final String user;

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		SignIn(String user) {
			this.user = user;
		}

		void authorize(URI authorizationUrl) throws IOException {
			try {
				URI uri = authorizationUrl;
				HttpResponse<String> response = get(uri);
				for (int step = 0; step < 10; step++) {
					if (response.statusCode() / 100 == 3) {
						uri = uri.resolve(response.headers().firstValue("Location").orElseThrow());
						response = get(uri);
						if (uri.getHost().equals("127.0.0.1") && !uri.toString().startsWith(testBed.issuer())) {
							// The application's callback answered: done.
							assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
							return;
						}
					}
					else if (uri.getPath().equals("/login")) {
						response = signIn(uri, response.body());
					}
					else {
						throw new AssertionError(uri + " answered " + response.statusCode() + ": " + response.body());
					}
				}
				throw new AssertionError("Too many redirects from " + authorizationUrl);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException(ex);
			}
		}

		private HttpResponse<String> signIn(URI login, String page) throws IOException, InterruptedException {
			Matcher csrf = CSRF.matcher(page);
			assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
			String form = "username=" + this.user + "&password=password&_csrf="
					+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
			return this.http.send(HttpRequest.newBuilder(login)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
			return this.http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
		}

	}

}
