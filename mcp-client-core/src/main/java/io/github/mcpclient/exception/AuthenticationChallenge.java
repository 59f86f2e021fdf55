package io.github.mcpclient.exception;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One challenge of a {@code WWW-Authenticate} header: the scheme the server asks for and
 * its parameters, such as the OAuth error and the protected resource metadata of a
 * {@code Bearer} challenge.
 *
 * @param scheme the authentication scheme as the server spelled it, such as
 * {@code Bearer}
 * @param token68 the single token some schemes send instead of parameters, or
 * {@code null}
 * @param parameters the parameters by lower-case name, values unquoted, in the server's
 * order
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9110#name-www-authenticate">RFC 9110,
 * WWW-Authenticate</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3">RFC 6750, the Bearer
 * challenge</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9728#section-5.1">RFC 9728,
 * resource_metadata</a>
 * @since 0.1.0
 */
public record AuthenticationChallenge(String scheme, @Nullable String token68, Map<String, String> parameters) {

	public AuthenticationChallenge {
		Map<String, String> lowerCase = new LinkedHashMap<>();
		parameters.forEach((name, value) -> lowerCase.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
		parameters = Collections.unmodifiableMap(lowerCase);
	}

	/**
	 * Read every challenge of one or more {@code WWW-Authenticate} header values. Input
	 * that breaks the syntax is skipped up to the next challenge; this never fails.
	 * @param headerValues the header's values, as received
	 * @return the challenges in the server's order, empty if there are none
	 */
	public static List<AuthenticationChallenge> parse(List<String> headerValues) {
		return headerValues.stream().flatMap((value) -> WwwAuthenticateParser.parse(value).stream()).toList();
	}

	/**
	 * Read every challenge of a {@code WWW-Authenticate} header value.
	 * @param headerValue the value, as received, or {@code null}
	 * @return the challenges in the server's order, empty if there are none
	 */
	public static List<AuthenticationChallenge> parse(@Nullable String headerValue) {
		return (headerValue != null) ? WwwAuthenticateParser.parse(headerValue) : List.of();
	}

	/**
	 * Whether this is a challenge of the given scheme, which compares case-insensitively.
	 * @param name the scheme, such as {@code Bearer}
	 * @return {@code true} if it is
	 */
	public boolean isScheme(String name) {
		return this.scheme.equalsIgnoreCase(name);
	}

	/**
	 * A parameter by name, which compares case-insensitively.
	 * @param name the parameter name
	 * @return its value or {@code null}
	 */
	public @Nullable String parameter(String name) {
		return this.parameters.get(name.toLowerCase(Locale.ROOT));
	}

	/**
	 * The protection space, from {@code realm}.
	 * @return the realm or {@code null}
	 */
	public @Nullable String realm() {
		return parameter("realm");
	}

	/**
	 * The OAuth error code, such as {@code invalid_token} or {@code insufficient_scope}.
	 * @return the error or {@code null}
	 */
	public @Nullable String error() {
		return parameter("error");
	}

	/**
	 * The server's explanation of the error, for people.
	 * @return the description or {@code null}
	 */
	public @Nullable String errorDescription() {
		return parameter("error_description");
	}

	/**
	 * The scope the server requires, space-separated.
	 * @return the scope or {@code null}
	 */
	public @Nullable String scope() {
		return parameter("scope");
	}

	/**
	 * The scopes the server requires, one by one.
	 * @return the scopes, empty if none were named
	 */
	public List<String> scopes() {
		String scope = scope();
		return (scope != null) ? Arrays.stream(scope.strip().split("\\s+")).filter((s) -> !s.isEmpty()).toList()
				: List.of();
	}

	/**
	 * Where the protected resource's metadata is, from which the authorization server can
	 * be found.
	 * @return the URL as sent, or {@code null}
	 */
	public @Nullable String resourceMetadata() {
		return parameter("resource_metadata");
	}

}
