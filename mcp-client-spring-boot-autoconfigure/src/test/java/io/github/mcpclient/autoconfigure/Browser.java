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

import io.github.mcpclient.autoconfigure.testbed.OAuthTestBed;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser of one user of a web application: redirects followed by hand, cookies kept,
 * signed in to the application with HTTP basic and at the test bed's authorization server
 * with its login form.
 */
final class Browser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final @Nullable String user;

	private final OAuthTestBed testBed;

	private final String origin;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final List<URI> visited = new ArrayList<>();

	private int redirects;

	/**
	 * A browser.
	 * @param user the user, or {@code null} for one who never signs in
	 * @param testBed the authorization server the user signs in at
	 * @param origin the application's origin
	 */
	Browser(@Nullable String user, OAuthTestBed testBed, String origin) {
		this.user = user;
		this.testBed = testBed;
		this.origin = origin;
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
					&& uri.toString().startsWith(this.testBed.issuer())) {
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

	/** The authorization request the last page opened went through. */
	URI authorizationRequest() {
		return this.visited.stream()
			.filter((uri) -> uri.toString().startsWith(this.testBed.issuer() + "/oauth2/authorize"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No authorization request in " + this.visited));
	}

	/** How many redirects the last page opened went through. */
	int redirects() {
		return this.redirects;
	}

	private HttpResponse<String> send(HttpRequest.Builder request, URI uri) throws IOException, InterruptedException {
		// As a browser asks for a page: Spring Security's reactive request cache keeps
		// only requests for HTML, to return to them once the user is authorized.
		request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
		if (this.user != null && uri.toString().startsWith(this.origin)) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((this.user + ":password").getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The query parameters of a URI, decoded. */
	static Map<String, String> query(URI uri) {
		return java.util.Arrays.stream(uri.getRawQuery().split("&"))
			.map((pair) -> pair.split("=", 2))
			.collect(Collectors.toMap((pair) -> decode(pair[0]), (pair) -> decode(pair[1])));
	}

	private static String decode(String value) {
		return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

}
