package io.github.mcpclient.autoconfigure;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.github.mcpclient.auth.AuthorizationRequest;
import io.github.mcpclient.auth.McpAuthorization;
import io.github.mcpclient.auth.McpAuthorizationState;
import io.github.mcpclient.auth.McpCredentials;
import io.github.mcpclient.exception.AuthenticationChallenge;
import io.github.mcpclient.exception.McpAuthorizationException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The client credentials grant for one connection, on Spring Security's authorized client
 * manager: the connection's first refusal leads to its authorization server, whose token
 * endpoint the manager then uses, keeping the token in the application's
 * {@link ReactiveOAuth2AuthorizedClientService} under the principal
 * {@code mcp-connection:<name>}. A token the server refuses is forgotten and replaced
 * once.
 * <p>
 * An interim implementation until the client's own OAuth flow serves this grant.
 */
final class ClientCredentialsAuthorization implements McpAuthorization {

	static final String KIND = "client-credentials";

	private static final Log logger = LogFactory.getLog(ClientCredentialsAuthorization.class);

	private final McpAuthorizationSettings settings;

	private final URI serverUrl;

	private final McpAuthorizations.Services services;

	private final String registrationId;

	private final String principal;

	private final AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager;

	private final AuthorizationServerDiscovery discovery;

	private final AtomicReference<@Nullable Mono<ClientRegistration>> discovering = new AtomicReference<>();

	private volatile @Nullable OAuth2AccessToken lastToken;

	ClientCredentialsAuthorization(McpAuthorizationSettings settings, URI serverUrl,
			McpAuthorizations.Services services) {
		this.settings = settings;
		this.serverUrl = serverUrl;
		this.services = services;
		this.registrationId = McpClientRegistrations.registrationId(settings.connectionName());
		this.principal = "mcp-connection:" + settings.connectionName();
		this.discovery = new AuthorizationServerDiscovery(services.webClient());
		WebClientReactiveClientCredentialsTokenResponseClient tokenClient = new WebClientReactiveClientCredentialsTokenResponseClient();
		tokenClient.setWebClient(services.webClient());
		tokenClient.addParametersConverter(this::resourceParameter);
		tokenClient.setBodyExtractor(QuietTokenResponses.extractor());
		ClientAssertions.configure(settings, tokenClient);
		ClientCredentialsReactiveOAuth2AuthorizedClientProvider provider = new ClientCredentialsReactiveOAuth2AuthorizedClientProvider();
		provider.setAccessTokenResponseClient(tokenClient);
		this.manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(
				services.registrations().repository(), services.authorizedClients());
		this.manager.setAuthorizedClientProvider(provider);
	}

	@Override
	public Mono<McpCredentials> credentials(AuthorizationRequest request) {
		// Until the server's first refusal names its authorization server, there is no
		// token to send.
		if (this.services.registrations().find(this.registrationId) == null) {
			return Mono.empty();
		}
		return authorize();
	}

	@Override
	public Mono<McpCredentials> refused(AuthorizationRequest request, @Nullable McpCredentials sent,
			McpAuthorizationException refusal) {
		if (refusal.getStatus() != 401) {
			// More scope (step-up) is for the client's own OAuth flow.
			return Mono.empty();
		}
		Mono<McpCredentials> renewed;
		if (this.services.registrations().find(this.registrationId) == null) {
			renewed = discover(refusal.getChallenge()).then(authorize());
		}
		else {
			renewed = forget(sent).then(authorize());
		}
		return renewed.onErrorMap((ex) -> !(ex instanceof McpAuthorizationException),
				(ex) -> failure(request, refusal, ex));
	}

	@Override
	public McpAuthorizationState state() {
		ClientRegistration registration = this.services.registrations().find(this.registrationId);
		String issuer = (registration != null) ? registration.getProviderDetails().getIssuerUri() : null;
		OAuth2AccessToken token = this.lastToken;
		if (token == null) {
			return new McpAuthorizationState(KIND, false, issuer, Set.of(), null, 0);
		}
		return new McpAuthorizationState(KIND, true, issuer, token.getScopes(), token.getExpiresAt(), 0);
	}

	private Mono<McpCredentials> authorize() {
		OAuth2AuthorizeRequest authorizeRequest = OAuth2AuthorizeRequest.withClientRegistrationId(this.registrationId)
			.principal(this.principal)
			.build();
		return this.manager.authorize(authorizeRequest).map((client) -> {
			this.lastToken = client.getAccessToken();
			return McpCredentials.bearer(client.getAccessToken().getTokenValue());
		});
	}

	// Forget the token the server refused, unless another request already replaced it.
	private Mono<Void> forget(@Nullable McpCredentials sent) {
		this.lastToken = null;
		ReactiveOAuth2AuthorizedClientService clients = this.services.authorizedClients();
		return clients.<OAuth2AuthorizedClient>loadAuthorizedClient(this.registrationId, this.principal)
			.filter((client) -> sent == null
					|| McpCredentials.bearer(client.getAccessToken().getTokenValue()).equals(sent))
			.flatMap((client) -> clients.removeAuthorizedClient(this.registrationId, this.principal));
	}

	// One discovery at a time; a failed one is tried again on the next refusal.
	private Mono<ClientRegistration> discover(@Nullable AuthenticationChallenge challenge) {
		Mono<ClientRegistration> started = this.discovering.updateAndGet((current) -> (current != null) ? current
				: this.discovery.discover(this.serverUrl, challenge)
					.map(this::register)
					.doOnError((ex) -> this.discovering.set(null))
					.cache());
		return started;
	}

	private ClientRegistration register(AuthorizationServerDiscovery.Discovered discovered) {
		Set<String> scopes = new LinkedHashSet<>(this.settings.scopes());
		if (scopes.isEmpty()) {
			scopes.addAll(discovered.scopesSupported());
		}
		ClientRegistration registration = discovered.registration()
			.registrationId(this.registrationId)
			.clientId(this.settings.clientId())
			.clientSecret(this.settings.clientSecret())
			.clientAuthenticationMethod(new ClientAuthenticationMethod(
					McpAuthorizationSettings.kebab(this.settings.clientAuthenticationMethod()).replace('-', '_')))
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope(scopes)
			.build();
		this.services.registrations().register(registration, discovered.resource());
		if (logger.isDebugEnabled()) {
			logger.debug("MCP connection '" + this.settings.connectionName() + "' uses the authorization server "
					+ discovered.issuer());
		}
		return registration;
	}

	private MultiValueMap<String, String> resourceParameter(OAuth2ClientCredentialsGrantRequest grantRequest) {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		String resource = this.services.registrations()
			.resource(grantRequest.getClientRegistration().getRegistrationId());
		if (resource != null) {
			parameters.add("resource", resource);
		}
		return parameters;
	}

	private McpAuthorizationException failure(AuthorizationRequest request, McpAuthorizationException refusal,
			Throwable cause) {
		McpAuthorizationException failure = new McpAuthorizationException(request.connectionName(), request.mcpMethod(),
				refusal.getStatus(),
				"HTTP " + refusal.getStatus() + "; no token could be obtained: " + cause.getMessage(), null, null,
				refusal.getChallenges());
		failure.addSuppressed(cause);
		return failure;
	}

	@Override
	public String toString() {
		return "ClientCredentialsAuthorization[" + this.settings.connectionName() + "]";
	}

}
