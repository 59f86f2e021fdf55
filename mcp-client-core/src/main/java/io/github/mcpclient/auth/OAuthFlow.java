package io.github.mcpclient.auth;

import java.security.PrivateKey;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The parts of an {@link OAuthAuthorization} that talk to the authorization server:
 * discovery, client identification, token requests and the authorization code flow. Built
 * on the first authorization attempt, so that configuring a connection builds no HTTP
 * client, codecs or token response clients.
 *
 * @param discovery finds the authorization server
 * @param identities identifies the client there
 * @param tokens makes the token requests
 * @param codeFlow runs the authorization code grant
 */
record OAuthFlow(AuthorizationDiscovery discovery, ClientIdentities identities, TokenRequests tokens,
		AuthorizationCodeFlow codeFlow) {

	static OAuthFlow create(OAuthClientSettings settings, Supplier<WebClient> webClients,
			@Nullable PrivateKey signingKey, String signingAlgorithm, @Nullable DpopProofs dpop) {
		WebClient webClient = webClients.get();
		JsonMapper mapper = JsonMapper.builder().build();
		TokenRequests tokens = new TokenRequests(webClient,
				(signingKey != null) ? new ClientAssertions(signingKey, signingAlgorithm) : null, dpop);
		return new OAuthFlow(new AuthorizationDiscovery(webClient, mapper),
				new ClientIdentities(settings, webClient, mapper), tokens, new AuthorizationCodeFlow(tokens));
	}

}
