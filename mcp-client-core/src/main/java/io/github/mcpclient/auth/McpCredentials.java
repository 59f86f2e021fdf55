package io.github.mcpclient.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;

/**
 * The headers that authorize one request, such as {@code Authorization: Bearer ...}.
 * {@link #toString()} shows the header names only, never their values.
 *
 * @param headers the headers to set on the request, by name
 * @since 0.2.0
 */
public record McpCredentials(Map<String, String> headers) {

	public McpCredentials {
		Assert.notEmpty(headers, "'headers' must not be empty");
		headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
	}

	/**
	 * Credentials made of an OAuth bearer token.
	 * @param accessToken the access token
	 * @return the credentials
	 */
	public static McpCredentials bearer(String accessToken) {
		Assert.hasText(accessToken, "'accessToken' must not be empty");
		return new McpCredentials(Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken));
	}

	@Override
	public String toString() {
		return "McpCredentials" + this.headers.keySet();
	}

}
