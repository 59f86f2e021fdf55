package io.github.mcpclient.autoconfigure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

/**
 * The OAuth client registrations of the MCP connections, one per connection under the id
 * {@code mcp-<connection name>}, known once the connection has discovered its
 * authorization server. A {@link ReactiveOAuth2AuthorizedClientService} that the
 * application defines to keep MCP tokens, such as an R2DBC one shared by several
 * replicas, finds them through {@link #repository()}.
 * <p>
 * Deliberately not a {@link ReactiveClientRegistrationRepository} itself, so that it
 * never stands in for the application's own.
 *
 * @since 0.2.0
 */
public final class McpClientRegistrations {

	private static final String PREFIX = "mcp-";

	private final Map<String, Registration> registrations = new ConcurrentHashMap<>();

	/**
	 * The registration id of a connection.
	 * @param connectionName the connection's name
	 * @return its registration id
	 */
	public static String registrationId(String connectionName) {
		return PREFIX + connectionName;
	}

	/**
	 * The registrations as a repository.
	 * @return a view of the registrations known now and later
	 */
	public ReactiveClientRegistrationRepository repository() {
		return (registrationId) -> Mono.justOrEmpty(find(registrationId));
	}

	/**
	 * The registrations as a repository that falls back to another for the ids it does
	 * not know, for a token service shared with the application's own clients.
	 * @param others the application's registrations
	 * @return a view of both
	 */
	public ReactiveClientRegistrationRepository repository(ReactiveClientRegistrationRepository others) {
		return (registrationId) -> Mono.justOrEmpty(find(registrationId))
			.switchIfEmpty(Mono.defer(() -> others.findByRegistrationId(registrationId)));
	}

	/**
	 * The registration with an id, if it is known.
	 * @param registrationId the registration id
	 * @return the registration, or {@code null}
	 */
	public @Nullable ClientRegistration find(String registrationId) {
		Registration registration = this.registrations.get(registrationId);
		return (registration != null) ? registration.clientRegistration() : null;
	}

	void register(ClientRegistration clientRegistration, String resource) {
		this.registrations.put(clientRegistration.getRegistrationId(), new Registration(clientRegistration, resource));
	}

	@Nullable String resource(String registrationId) {
		Registration registration = this.registrations.get(registrationId);
		return (registration != null) ? registration.resource() : null;
	}

	private record Registration(ClientRegistration clientRegistration, String resource) {

	}

}
