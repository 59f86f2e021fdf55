package io.github.mcpclient.auth;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the authorization server sent back to the redirect URI at the end of an
 * authorization-code request. {@link #toString()} never shows the code.
 *
 * @param code the authorization code, or {@code null} if the server sent an error
 * @param state the {@code state} the server echoed, or {@code null}
 * @param issuer the {@code iss} parameter of RFC 9207, or {@code null} if absent
 * @param error the OAuth error code, or {@code null} on success
 * @param errorDescription the server's explanation of the error, or {@code null}
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9207">RFC 9207</a>
 * @since 0.2.0
 */
public record AuthorizationCallback(@Nullable String code, @Nullable String state, @Nullable String issuer,
		@Nullable String error, @Nullable String errorDescription) {

	/**
	 * Read the callback from the URL the authorization server redirected to.
	 * @param redirect the full redirect URL, with its query
	 * @return the callback
	 */
	public static AuthorizationCallback fromRedirect(URI redirect) {
		Map<String, String> parameters = new LinkedHashMap<>();
		UriComponentsBuilder.fromUri(redirect).build(true).getQueryParams().forEach((name, values) -> {
			if (!values.isEmpty() && values.get(0) != null) {
				parameters.putIfAbsent(name, decode(values.get(0)));
			}
		});
		return new AuthorizationCallback(parameters.get("code"), parameters.get("state"), parameters.get("iss"),
				parameters.get("error"), parameters.get("error_description"));
	}

	private static String decode(String value) {
		return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "AuthorizationCallback[code=" + ((this.code != null) ? "present" : "none") + ", issuer=" + this.issuer
				+ ", error=" + this.error + "]";
	}

}
