package io.github.mcpclient.autoconfigure;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

/**
 * The client registrations the authorization-code connections of a web application made
 * as they discovered their authorization servers, as Spring Security's redirect and
 * callback filters look them up, servlet or reactive. Each is shown with the redirect URI
 * the connection was configured with, which may be a template such as
 * {@code {baseUrl}/login/oauth2/code/<connection>} that Spring Security expands for the
 * request at hand. The client credentials connections' registrations are found too, for a
 * token store the application shares between both kinds of connection.
 */
final class McpWebRegistrations {

	private final List<Source> sources = new CopyOnWriteArrayList<>();

	// The client credentials connections', so that a token store shared with them finds
	// their registrations too.
	private final @Nullable ClientRegistrationRepository clientCredentials;

	McpWebRegistrations() {
		this(null);
	}

	McpWebRegistrations(@Nullable McpClientRegistrations clientCredentials) {
		this.clientCredentials = (clientCredentials != null) ? clientCredentials.clientRegistrationRepository() : null;
	}

	private final Map<String, ClientRegistration> shown = new ConcurrentHashMap<>();

	void add(ReactiveClientRegistrationRepository registrations, String redirectUriTemplate) {
		this.sources.add(new Source(registrations, redirectUriTemplate));
	}

	@Nullable ClientRegistration find(String registrationId) {
		for (Source source : this.sources) {
			// The connections' own repositories answer from memory.
			ClientRegistration registration = source.registrations().findByRegistrationId(registrationId).block();
			if (registration != null) {
				return show(source, registration);
			}
		}
		return null;
	}

	/**
	 * A registration as {@link #find(String)} gives it, without blocking: for the threads
	 * of a reactive web server.
	 * @param registrationId the registration's id
	 * @return the registration, or empty
	 */
	Mono<ClientRegistration> findReactive(String registrationId) {
		return Flux.fromIterable(this.sources)
			.concatMap((source) -> source.registrations()
				.findByRegistrationId(registrationId)
				.map((registration) -> show(source, registration)))
			.next();
	}

	/**
	 * The registration last found with that id, without looking it up: for a step that
	 * follows the lookup of the same request and cannot wait, such as the customizer of a
	 * reactive authorization request resolver.
	 * @param registrationId the registration's id
	 * @return the registration, or {@code null} when it was never found
	 */
	@Nullable ClientRegistration found(String registrationId) {
		return this.shown.get(registrationId);
	}

	private ClientRegistration show(Source source, ClientRegistration registration) {
		return this.shown.compute(registration.getRegistrationId(),
				(id, previous) -> (previous != null && sameClient(previous, registration)) ? previous
						: ClientRegistration.withClientRegistration(registration)
							.redirectUri(source.redirectUriTemplate())
							.build());
	}

	private static boolean sameClient(ClientRegistration shown, ClientRegistration registration) {
		return shown.getClientId().equals(registration.getClientId())
				&& shown.getScopes().equals(registration.getScopes())
				&& shown.getProviderDetails()
					.getAuthorizationUri()
					.equals(registration.getProviderDetails().getAuthorizationUri());
	}

	/**
	 * The application's {@link ClientRegistrationRepository} with the MCP connections'
	 * registrations added.
	 * @param others the application's own registrations, or {@code null}
	 * @return the repository
	 */
	ClientRegistrationRepository repository(@Nullable ClientRegistrationRepository others) {
		return new Composite(this, others);
	}

	/**
	 * The connections' registrations before the application's. Iterating gives only the
	 * application's, so that a login page never lists an MCP server.
	 */
	static final class Composite implements ClientRegistrationRepository, Iterable<ClientRegistration> {

		private final McpWebRegistrations registrations;

		private final @Nullable ClientRegistrationRepository others;

		Composite(McpWebRegistrations registrations, @Nullable ClientRegistrationRepository others) {
			this.registrations = registrations;
			this.others = others;
		}

		@Override
		public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
			ClientRegistration registration = this.registrations.find(registrationId);
			if (registration != null) {
				return registration;
			}
			ClientRegistrationRepository clientCredentials = this.registrations.clientCredentials;
			registration = (clientCredentials != null) ? clientCredentials.findByRegistrationId(registrationId) : null;
			if (registration != null) {
				return registration;
			}
			return (this.others != null) ? this.others.findByRegistrationId(registrationId) : null;
		}

		@Override
		public Iterator<ClientRegistration> iterator() {
			return applications(this.others);
		}

		@SuppressWarnings("unchecked")
		static Iterator<ClientRegistration> applications(@Nullable Object others) {
			if (others instanceof Iterable<?> iterable) {
				return ((Iterable<ClientRegistration>) iterable).iterator();
			}
			return List.<ClientRegistration>of().iterator();
		}

	}

	/**
	 * The application's {@link ReactiveClientRegistrationRepository} with the MCP
	 * connections' registrations added.
	 * @param others the application's own registrations, or {@code null}
	 * @return the repository
	 */
	ReactiveClientRegistrationRepository reactiveRepository(@Nullable ReactiveClientRegistrationRepository others) {
		return new ReactiveComposite(this, others);
	}

	/**
	 * The connections' registrations before the application's. Iterating gives only the
	 * application's, so that a login page never lists an MCP server.
	 */
	static final class ReactiveComposite implements ReactiveClientRegistrationRepository, Iterable<ClientRegistration> {

		private final McpWebRegistrations registrations;

		private final @Nullable ReactiveClientRegistrationRepository others;

		ReactiveComposite(McpWebRegistrations registrations, @Nullable ReactiveClientRegistrationRepository others) {
			this.registrations = registrations;
			this.others = others;
		}

		@Override
		public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
			Mono<ClientRegistration> own = this.registrations.findReactive(registrationId);
			ReactiveClientRegistrationRepository others = this.others;
			return (others != null) ? own.switchIfEmpty(Mono.defer(() -> others.findByRegistrationId(registrationId)))
					: own;
		}

		@Override
		public Iterator<ClientRegistration> iterator() {
			return Composite.applications(this.others);
		}

	}

	private record Source(ReactiveClientRegistrationRepository registrations, String redirectUriTemplate) {

	}

}
