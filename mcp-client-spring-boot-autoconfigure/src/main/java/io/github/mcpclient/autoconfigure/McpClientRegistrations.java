package io.github.mcpclient.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.mcpclient.auth.OAuthAuthorization;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

/**
 * The OAuth client registrations of the MCP connections, one per connection and
 * authorization server under the id {@code <connection name>@<issuer>}, known once the
 * connection has discovered its authorization server. A
 * {@link ReactiveOAuth2AuthorizedClientService} that the application defines to keep MCP
 * tokens, such as an R2DBC one shared by several replicas, finds them through
 * {@link #repository()}; a servlet {@link OAuth2AuthorizedClientService}, such as Spring
 * Security's JDBC one, through {@link #clientRegistrationRepository()}.
 * <p>
 * Deliberately not a {@link ReactiveClientRegistrationRepository} or
 * {@link ClientRegistrationRepository} itself, so that it never stands in for the
 * application's own.
 *
 * @since 0.2.0
 */
public final class McpClientRegistrations {

	/**
	 * The principal that a connection's client credentials tokens are kept under.
	 */
	public static final String PRINCIPAL = OAuthAuthorization.DEFAULT_PRINCIPAL;

	private final List<ReactiveClientRegistrationRepository> repositories = new CopyOnWriteArrayList<>();

	/**
	 * The registration id of a connection at an authorization server.
	 * @param connectionName the connection's name
	 * @param issuer the authorization server's issuer identifier
	 * @return its registration id
	 */
	public static String registrationId(String connectionName, String issuer) {
		return connectionName + "@" + issuer;
	}

	/**
	 * The registrations as a repository.
	 * @return a view of the registrations known now and later
	 */
	public ReactiveClientRegistrationRepository repository() {
		return (registrationId) -> Flux.fromIterable(this.repositories)
			.concatMap((repository) -> repository.findByRegistrationId(registrationId))
			.next();
	}

	/**
	 * The registrations as a repository that falls back to another for the ids it does
	 * not know, for a token service shared with the application's own clients.
	 * @param others the application's registrations
	 * @return a view of both
	 */
	public ReactiveClientRegistrationRepository repository(ReactiveClientRegistrationRepository others) {
		ReactiveClientRegistrationRepository own = repository();
		return (registrationId) -> own.findByRegistrationId(registrationId)
			.switchIfEmpty(Mono.defer(() -> others.findByRegistrationId(registrationId)));
	}

	/**
	 * The registrations as the repository a servlet token store, such as
	 * {@code JdbcOAuth2AuthorizedClientService}, is built on.
	 * @return a view of the registrations known now and later
	 * @since 0.2.0
	 */
	public ClientRegistrationRepository clientRegistrationRepository() {
		ReactiveClientRegistrationRepository own = repository();
		// The connections' repositories answer from memory.
		return (registrationId) -> own.findByRegistrationId(registrationId).block();
	}

	/**
	 * The registrations as a servlet repository that falls back to another for the ids it
	 * does not know, for a token store shared with the application's own clients (or, in
	 * a web application, with its authorization-code connections: pass the
	 * {@link ClientRegistrationRepository} bean).
	 * @param others the application's registrations
	 * @return a view of both
	 * @since 0.2.0
	 */
	public ClientRegistrationRepository clientRegistrationRepository(ClientRegistrationRepository others) {
		ClientRegistrationRepository own = clientRegistrationRepository();
		return (registrationId) -> {
			ClientRegistration registration = own.findByRegistrationId(registrationId);
			return (registration != null) ? registration : others.findByRegistrationId(registrationId);
		};
	}

	// The registrations one connection's authorization makes as it discovers its
	// authorization server.
	void add(ReactiveClientRegistrationRepository repository) {
		this.repositories.add(repository);
	}

}
