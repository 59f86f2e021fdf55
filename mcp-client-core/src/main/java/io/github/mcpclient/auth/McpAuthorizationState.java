package io.github.mcpclient.auth;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a connection's authorization holds, safe to show: never a token or a secret.
 *
 * @param kind how the connection authorizes, such as {@code none},
 * {@code client-credentials} or {@code authorization-code}
 * @param authorized whether it holds a token now (for a per-user authorization, whether
 * any user does)
 * @param issuer the authorization server's issuer, or {@code null} before discovery
 * @param scopes the scopes granted to the token held, empty if none or unknown
 * @param expiresAt when the token held expires, or {@code null} if unknown
 * @param principals how many users hold tokens, for a per-user authorization; 0 otherwise
 * @since 0.2.0
 */
public record McpAuthorizationState(String kind, boolean authorized, @Nullable String issuer, Set<String> scopes,
		@Nullable Instant expiresAt, int principals) {

	/**
	 * The state of a connection without authorization.
	 */
	public static final McpAuthorizationState NONE = new McpAuthorizationState("none", false, null, Set.of(), null, 0);

	public McpAuthorizationState {
		scopes = Set.copyOf(scopes);
	}

}
