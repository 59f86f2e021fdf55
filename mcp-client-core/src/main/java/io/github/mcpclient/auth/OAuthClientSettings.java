package io.github.mcpclient.auth;

import java.net.URI;
import java.security.PrivateKey;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * What an {@link OAuthAuthorization} was configured with. {@link #toString()} never shows
 * the secret or the key.
 */
record OAuthClientSettings(OAuthGrant grant, @Nullable String clientId, @Nullable String clientSecret,
		@Nullable ClientAuthenticationMethod authenticationMethod, @Nullable PrivateKey signingKey,
		@Nullable String signingAlgorithm, @Nullable URI clientMetadataUrl, @Nullable URI redirectUri,
		String clientName, String applicationType, Set<String> scopes) {

	@Override
	public String toString() {
		return "OAuthClientSettings[grant=" + this.grant + ", clientId=" + this.clientId + ", clientMetadataUrl="
				+ this.clientMetadataUrl + ", redirectUri=" + this.redirectUri + "]";
	}

}
