package io.github.mcpclient.autoconfigure;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.auth.McpTokenSource;
import io.github.mcpclient.autoconfigure.testbed.OAuthTestBed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer pass-through with real users' tokens: alice and bob each sign in at the test
 * bed's authorization server (authorization code with PKCE, as a browser would), the
 * application's {@link McpTokenSource} gives each call its user's token, and each user
 * sees their own notes through the one injected client.
 */
class BearerPassThroughIntegrationTests {

	private static final String USER = "user";

	private static OAuthTestBed testBed;

	private static final Map<String, String> tokens = new LinkedHashMap<>();

	@BeforeAll
	static void signIn() throws Exception {
		testBed = OAuthTestBed.start();
		tokens.put("alice", authorizationCodeToken("alice"));
		tokens.put("bob", authorizationCodeToken("bob"));
	}

	@AfterAll
	static void stop() {
		testBed.close();
	}

	@Test
	void eachUserSeesTheirOwnNotes() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(McpClientAutoConfiguration.class, WebClientAutoConfiguration.class))
			.withPropertyValues("mcp.client.connections.notes.url=" + testBed.mcpUrl(),
					"mcp.client.connections.notes.authorization.grant=bearer-pass-through")
			.withBean(McpTokenSource.class,
					() -> (request) -> Mono.justOrEmpty(tokens.get(request.context().getOrDefault(USER, ""))))
			.run((context) -> {
				McpClient client = context.getBean(McpClient.class);
				for (String user : tokens.keySet()) {
					String notes = client.reactive()
						.callTool("my_notes", Map.of())
						.contextWrite(Context.of(USER, user))
						.map(ClientCredentialsIntegrationTests::text)
						.block();
					assertThat(notes).isEqualTo("notes of " + user);
				}
			});
	}

	/**
	 * What a browser and the application's redirect endpoint do together: the
	 * authorization request with a PKCE challenge, the login form, the redirect with the
	 * code, and the code's exchange with the verifier.
	 */
	static String authorizationCodeToken(String user) throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		String challenge = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		String authorize = testBed.issuer() + "/oauth2/authorize?"
				+ form(Map.of("response_type", "code", "client_id", OAuthTestBed.USER_CLIENT, "redirect_uri",
						OAuthTestBed.USER_REDIRECT_URI, "scope", "mcp.tools", "state", "s-" + user, "code_challenge",
						challenge, "code_challenge_method", "S256"));
		HttpResponse<String> toLogin = get(browser, URI.create(authorize));
		assertThat(toLogin.statusCode()).isEqualTo(302);
		HttpResponse<String> loginPage = get(browser, URI.create(testBed.issuer() + "/login"));
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> loggedIn = post(browser, URI.create(testBed.issuer() + "/login"),
				Map.of("username", user, "password", "password", "_csrf", csrf.group(1)));
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		HttpResponse<String> redirect = get(browser,
				URI.create(testBed.issuer()).resolve(loggedIn.headers().firstValue("Location").orElseThrow()));
		assertThat(redirect.statusCode()).isEqualTo(302);
		URI callback = URI.create(redirect.headers().firstValue("Location").orElseThrow());
		assertThat(callback.toString()).startsWith(OAuthTestBed.USER_REDIRECT_URI).contains("state=s-" + user);
		Matcher code = Pattern.compile("[?&]code=([^&]+)")
			.matcher(callback.getRawQuery().startsWith("?") ? callback.getRawQuery() : "?" + callback.getRawQuery());
		assertThat(code.find()).isTrue();
		HttpResponse<String> token = post(browser, URI.create(testBed.issuer() + "/oauth2/token"),
				Map.of("grant_type", "authorization_code", "code",
						java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri",
						OAuthTestBed.USER_REDIRECT_URI, "client_id", OAuthTestBed.USER_CLIENT, "code_verifier",
						verifier));
		assertThat(token.statusCode()).isEqualTo(200);
		return (String) JsonMapper.builder().build().readValue(token.body(), Map.class).get("access_token");
	}

	private static HttpResponse<String> get(HttpClient browser, URI uri) throws Exception {
		return browser.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> post(HttpClient browser, URI uri, Map<String, String> fields) throws Exception {
		return browser.send(HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html,application/json")
			.POST(HttpRequest.BodyPublishers.ofString(form(fields)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((field) -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
