package io.github.mcpclient.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

/**
 * The client registrations one {@link OAuthAuthorization} made as it discovered
 * authorization servers, one per connection and issuer, for the authorized-client service
 * that stores their tokens.
 */
final class Registrations implements ReactiveClientRegistrationRepository {

	private final Map<String, ClientRegistration> registrations = new ConcurrentHashMap<>();

	void put(ClientRegistration registration) {
		this.registrations.put(registration.getRegistrationId(), registration);
	}

	@Override
	public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
		return Mono.justOrEmpty(this.registrations.get(registrationId));
	}

}
