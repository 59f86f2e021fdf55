package io.github.mcpclient.autoconfigure;

import java.util.List;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;

/**
 * The servlet application's {@link OAuth2AuthorizedClientService}, where Spring
 * Security's callback filter keeps the tokens it obtains, as the reactive service the MCP
 * connections read. Its calls may block (a JDBC store), so they run on the bounded
 * elastic scheduler.
 */
final class McpServletAuthorizedClients implements ReactiveOAuth2AuthorizedClientService {

	private final OAuth2AuthorizedClientService delegate;

	McpServletAuthorizedClients(OAuth2AuthorizedClientService delegate) {
		this.delegate = delegate;
	}

	@Override
	public <T extends OAuth2AuthorizedClient> Mono<T> loadAuthorizedClient(String clientRegistrationId,
			String principalName) {
		return Mono.<T>fromCallable(() -> this.delegate.loadAuthorizedClient(clientRegistrationId, principalName))
			.subscribeOn(Schedulers.boundedElastic());
	}

	@Override
	public Mono<Void> saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal) {
		Authentication named = UsernamePasswordAuthenticationToken.authenticated(principal.getName(), null, List.of());
		return Mono.fromRunnable(() -> this.delegate.saveAuthorizedClient(authorizedClient, named))
			.subscribeOn(Schedulers.boundedElastic())
			.then();
	}

	@Override
	public Mono<Void> removeAuthorizedClient(String clientRegistrationId, String principalName) {
		return Mono.fromRunnable(() -> this.delegate.removeAuthorizedClient(clientRegistrationId, principalName))
			.subscribeOn(Schedulers.boundedElastic())
			.then();
	}

}
