package io.github.mcpclient.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The views of the client credentials connections' registrations that token stores are
 * built on: registrations known later are found, and others are a fallback.
 */
class McpClientRegistrationsTests {

	private static final String ID = McpClientRegistrations.registrationId("notes", "https://as.example.com");

	@Test
	void servletViewFindsRegistrationsMadeAfterItWasTaken() {
		McpClientRegistrations registrations = new McpClientRegistrations();
		ClientRegistrationRepository view = registrations.clientRegistrationRepository();
		assertThat(view.findByRegistrationId(ID)).isNull();

		ClientRegistration registration = registration(ID);
		registrations.add((id) -> Mono.justOrEmpty(Map.of(ID, registration).get(id)));

		assertThat(view.findByRegistrationId(ID)).isSameAs(registration);
	}

	@Test
	void servletViewFallsBackToTheApplicationsRegistrations() {
		McpClientRegistrations registrations = new McpClientRegistrations();
		ClientRegistration own = registration("login");
		ClientRegistrationRepository view = registrations
			.clientRegistrationRepository((id) -> "login".equals(id) ? own : null);

		assertThat(view.findByRegistrationId("login")).isSameAs(own);
		assertThat(view.findByRegistrationId(ID)).isNull();
	}

	@Test
	void webRepositoryFindsClientCredentialsRegistrationsForAStoreSharedWithThem() {
		McpClientRegistrations registrations = new McpClientRegistrations();
		ClientRegistration registration = registration(ID);
		registrations.add((id) -> Mono.justOrEmpty(Map.of(ID, registration).get(id)));

		ClientRegistrationRepository web = new McpWebRegistrations(registrations).repository(null);

		assertThat(web.findByRegistrationId(ID)).isSameAs(registration);
		assertThat(new McpWebRegistrations().repository(null).findByRegistrationId(ID)).isNull();
	}

	private static ClientRegistration registration(String id) {
		return ClientRegistration.withRegistrationId(id)
			.clientId("client")
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri("https://as.example.com/token")
			.build();
	}

}
