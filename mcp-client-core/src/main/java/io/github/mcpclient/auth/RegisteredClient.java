package io.github.mcpclient.auth;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The client's identity at one authorization server. {@link #toString()} never shows the
 * secret.
 *
 * @param clientId the client id
 * @param clientSecret the client secret, or {@code null} for a public client
 * @param authenticationMethod how the client authenticates at the token endpoint
 * @param source where the identity comes from: configured, a metadata document, or
 * registration
 */
record RegisteredClient(String clientId, @Nullable String clientSecret, ClientAuthenticationMethod authenticationMethod,
		String source) {

	@Override
	public String toString() {
		return "RegisteredClient[clientId=" + this.clientId + ", authenticationMethod="
				+ this.authenticationMethod.getValue() + ", source=" + this.source + "]";
	}

}
