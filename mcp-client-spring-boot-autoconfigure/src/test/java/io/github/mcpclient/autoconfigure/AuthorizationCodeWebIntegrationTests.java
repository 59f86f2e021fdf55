package io.github.mcpclient.autoconfigure;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.mcpclient.McpClients;
import io.github.mcpclient.autoconfigure.testbed.OAuthTestBed;
import io.github.mcpclient.protocol.CallToolResult;
import io.github.mcpclient.protocol.TextContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization-code grant of a servlet web application end to end: a real browser's
 * round trip (redirects followed by hand, cookies kept) between the application, which
 * signs its users in with HTTP basic and calls an MCP tool for them, and the test bed's
 * Spring Authorization Server in front of its MCP server.
 */
class AuthorizationCodeWebIntegrationTests {

	private static OAuthTestBed testBed;

	private static ConfigurableApplicationContext application;

	private static String origin;

	@BeforeAll
	static void start() {
		testBed = OAuthTestBed.start();
		application = new SpringApplicationBuilder(ClientApplication.class).web(WebApplicationType.SERVLET)
			.properties("spring.main.banner-mode=off", "server.port=0", "server.address=127.0.0.1",
					// The authorization server shares the host: cookies must not clash.
					"server.servlet.session.cookie.name=CLIENTSESSION", "management.endpoints.web.exposure.include=mcp",
					"mcp.client.connections.mcp.url=" + testBed.mcpUrl(),
					"mcp.client.connections.mcp.authorization.grant=authorization-code",
					"mcp.client.connections.mcp.authorization.client-id=" + OAuthTestBed.USER_CLIENT,
					"mcp.client.connections.fresh.url=" + testBed.mcpUrl(),
					"mcp.client.connections.fresh.authorization.grant=authorization-code",
					"mcp.client.connections.fresh.authorization.client-id=" + OAuthTestBed.WEB_CLIENT,
					"mcp.client.connections.fresh.authorization.client-secret=" + OAuthTestBed.WEB_SECRET)
			.run();
		origin = "http://127.0.0.1:" + ((ServletWebServerApplicationContext) application).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		if (application != null) {
			application.close();
		}
		testBed.close();
	}

	@Test
	void eachUserIsRedirectedToAuthorizeThenSeesTheirOwnData() throws Exception {
		Browser alice = new Browser("alice");
		Browser bob = new Browser("bob");

		assertThat(alice.open(origin + "/tools/my_notes")).isEqualTo("notes of alice");
		URI authorization = alice.authorizationRequest();
		Map<String, String> parameters = query(authorization);
		assertThat(parameters).containsEntry("code_challenge_method", "S256")
			.containsKey("code_challenge")
			.containsEntry("resource", testBed.mcpUrl().toString())
			.containsEntry("client_id", OAuthTestBed.USER_CLIENT);
		assertThat(parameters.get("scope")).contains("mcp.tools");
		// The code was redeemed for the MCP server's resource.
		assertThat(testBed.tokenRequestResources()).contains(testBed.mcpUrl().toString());
		// Alice is authorized now: no more redirects.
		assertThat(alice.open(origin + "/tools/my_notes")).isEqualTo("notes of alice");
		assertThat(alice.redirects()).isZero();

		// Bob has not authorized: he is sent to the authorization server in turn.
		assertThat(bob.open(origin + "/tools/my_notes")).isEqualTo("notes of bob");
		assertThat(bob.authorizationRequest()).isNotNull();

		// Different tokens, different MCP sessions.
		String aliceToken = alice.open(origin + "/tools/echo_authorization");
		String bobToken = bob.open(origin + "/tools/echo_authorization");
		assertThat(aliceToken).startsWith("you sent Bearer ").isNotEqualTo(bobToken);
		String aliceSession = alice.open(origin + "/tools/my_session");
		String bobSession = bob.open(origin + "/tools/my_session");
		assertThat(aliceSession).endsWith(" of alice").doesNotContain("session null");
		assertThat(bobSession).endsWith(" of bob").doesNotContain("session null");
		assertThat(aliceSession.replace(" of alice", "")).isNotEqualTo(bobSession.replace(" of bob", ""));

		// The endpoint counts the users' sessions, and names nobody.
		String endpoint = new Browser(null).open(origin + "/actuator/mcp");
		assertThat(tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(endpoint)
			.at("/connections/mcp/userSessions")
			.asInt()).isEqualTo(2);
		assertThat(endpoint).doesNotContain("alice").doesNotContain("bob");
	}

	@Test
	void aRevokedTokenSendsTheUserToAuthorizeAgain() throws Exception {
		Browser alice = new Browser("alice");
		String first = alice.open(origin + "/tools/echo_authorization");
		assertThat(first).startsWith("you sent Bearer ");
		assertThat(testBed.revoke(first.substring("you sent Bearer ".length()))).isTrue();

		// The server refuses the revoked token: the connection forgets it and asks for
		// authorization, so the user goes through the authorization server once more.
		assertThat(alice.open(origin + "/tools/my_notes")).isEqualTo("notes of alice");
		assertThat(alice.authorizationRequest()).isNotNull();
		String second = alice.open(origin + "/tools/echo_authorization");
		assertThat(second).startsWith("you sent Bearer ").isNotEqualTo(first);
		assertThat(alice.redirects()).isZero();
	}

	@Test
	void aTokenNearExpiryIsRefreshedWithoutSendingTheUserAnywhere() throws Exception {
		Browser bob = new Browser("bob");
		String first = bob.open(origin + "/connections/fresh/echo_authorization");
		assertThat(first).startsWith("you sent Bearer ");
		assertThat(bob.authorizationRequest()).isNotNull();
		int tokenRequests = testBed.tokenRequests();

		// Its tokens live shorter than the margin before expiry: each call refreshes.
		String second = bob.open(origin + "/connections/fresh/echo_authorization");
		assertThat(second).startsWith("you sent Bearer ").isNotEqualTo(first);
		assertThat(bob.redirects()).isZero();
		assertThat(testBed.tokenRequests()).isGreaterThan(tokenRequests);
		assertThat(bob.open(origin + "/connections/fresh/my_notes")).isEqualTo("notes of bob");
	}

	private static Map<String, String> query(URI uri) {
		return java.util.Arrays.stream(uri.getRawQuery().split("&"))
			.map((pair) -> pair.split("=", 2))
			.collect(Collectors.toMap((pair) -> decode(pair[0]), (pair) -> decode(pair[1])));
	}

	private static String decode(String value) {
		return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	/**
	 * A browser of one user: signed in to the application with HTTP basic, and at the
	 * authorization server with its login form.
	 */
	private static final class Browser {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

		private final String user;

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		private final List<URI> visited = new ArrayList<>();

		private int redirects;

		Browser(String user) {
			this.user = user;
		}

		/** Open a page, following redirects and signing in where asked; its body. */
		String open(String url) throws IOException, InterruptedException {
			this.visited.clear();
			this.redirects = 0;
			URI uri = URI.create(url);
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri).GET(), uri);
			for (int i = 0; i < 20; i++) {
				if (response.statusCode() / 100 == 3) {
					this.redirects++;
					uri = uri.resolve(response.headers().firstValue("Location").orElseThrow());
					this.visited.add(uri);
					response = send(HttpRequest.newBuilder(uri).GET(), uri);
				}
				else if (response.statusCode() == 200 && uri.getPath().equals("/login")
						&& uri.toString().startsWith(testBed.issuer())) {
					Matcher csrf = CSRF.matcher(response.body());
					assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
					String form = "username=" + this.user + "&password=password&_csrf="
							+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
					response = send(HttpRequest.newBuilder(uri)
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString(form)), uri);
				}
				else {
					assertThat(response.statusCode()).as(uri + ": " + response.body()).isEqualTo(200);
					return response.body();
				}
			}
			throw new AssertionError("Too many redirects: " + this.visited);
		}

		URI authorizationRequest() {
			return this.visited.stream()
				.filter((uri) -> uri.toString().startsWith(testBed.issuer() + "/oauth2/authorize"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("No authorization request in " + this.visited));
		}

		int redirects() {
			return this.redirects;
		}

		private HttpResponse<String> send(HttpRequest.Builder request, URI uri)
				throws IOException, InterruptedException {
			if (this.user != null && uri.toString().startsWith(origin)) {
				request.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((this.user + ":password").getBytes(StandardCharsets.UTF_8)));
			}
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableWebSecurity
	@Import(ToolController.class)
	static class ClientApplication {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/actuator/**").permitAll().anyRequest().authenticated())
				.httpBasic(Customizer.withDefaults())
				.oauth2Client(Customizer.withDefaults());
			return http.build();
		}

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("alice").password("{noop}password").roles("USER").build(),
					User.withUsername("bob").password("{noop}password").roles("USER").build());
		}

	}

	@RestController
	static class ToolController {

		private final McpClients clients;

		ToolController(McpClients clients) {
			this.clients = clients;
		}

		@GetMapping("/tools/{name}")
		String call(@PathVariable String name) {
			return call("mcp", name);
		}

		@GetMapping("/connections/{connection}/{name}")
		String call(@PathVariable String connection, @PathVariable String name) {
			CallToolResult result = this.clients.get(connection).callTool(name, Map.of());
			return ((TextContent) result.content().get(0)).text();
		}

	}

}
