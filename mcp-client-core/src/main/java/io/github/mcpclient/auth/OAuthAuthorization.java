package io.github.mcpclient.auth;

import java.net.URI;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.mcpclient.exception.AuthenticationChallenge;
import io.github.mcpclient.exception.McpAuthorizationException;
import io.github.mcpclient.exception.McpException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The OAuth 2.1 authorization of the MCP specification for one connection. On a 401 it
 * discovers the server's authorization server (protected resource metadata, then
 * authorization server metadata), identifies the client (configured credentials, a Client
 * ID Metadata Document, or dynamic registration), obtains a token for the server's
 * resource (authorization code with PKCE through an {@link AuthorizationCodeUserAgent},
 * or client credentials) and sends it as a bearer token to the MCP server only. It
 * refreshes tokens before they expire, authorizes once more when the server refuses a
 * token, and asks for the union of the scopes held and challenged on a 403
 * {@code insufficient_scope}. With {@link Builder#dpop(boolean) DPoP} its tokens are
 * bound to a key of its own and every request proves it holds that key.
 * <p>
 * Tokens are kept in a Spring Security {@link ReactiveOAuth2AuthorizedClientService}, by
 * a registration id made of the connection and the authorization server's issuer, and by
 * principal: the user a call is made for, read from the call's Reactor context.
 * <pre class="code">
 * McpAuthorization authorization = OAuthAuthorization.builder()
 *     .grant(OAuthGrant.CLIENT_CREDENTIALS)
 *     .clientId("reporting")
 *     .clientSecret(secret)
 *     .build();
 * </pre>
 *
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization">Authorization</a>
 * @since 0.2.0
 */
public final class OAuthAuthorization implements McpAuthorization {

	private static final Log logger = LogFactory.getLog(OAuthAuthorization.class);

	/**
	 * The key, in the provider configuration metadata of the client registrations this
	 * authorization makes, of whether the authorization server sends {@code iss} in its
	 * authorization responses (RFC 9207).
	 */
	public static final String ISS_PARAMETER_SUPPORTED = "authorization_response_iss_parameter_supported";

	/** The principal of calls when no resolver is configured. */
	public static final String DEFAULT_PRINCIPAL = "mcp-client";

	private static final String DPOP_SCHEME = "DPoP";

	// A token this close to its expiry is renewed before it is sent.
	private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

	private final OAuthClientSettings settings;

	private final @Nullable AuthorizationCodeUserAgent userAgent;

	private final Function<ContextView, @Nullable String> principals;

	private final boolean perPrincipal;

	private final Clock clock;

	// Built on the first authorization attempt, once.
	private final Supplier<OAuthFlow> oauthFlow;

	private final @Nullable JwtAssertions assertions;

	private final Registrations registrations = new Registrations();

	private final ReactiveOAuth2AuthorizedClientService authorizedClients;

	private final Map<String, Set<String>> requestedScopes = new ConcurrentHashMap<>();

	private final @Nullable DpopProofs dpop;

	private final Map<String, Mono<Obtained>> inFlight = new ConcurrentHashMap<>();

	private final FreshCredentials fresh = new FreshCredentials();

	private volatile @Nullable Bound bound;

	private volatile @Nullable Instant expiresAt;

	private OAuthAuthorization(Builder builder) {
		this.settings = builder.settings();
		this.userAgent = builder.userAgent;
		this.principals = builder.principals;
		this.perPrincipal = builder.perPrincipal;
		this.clock = builder.clock;
		this.dpop = builder.dpop ? DpopProofs.ephemeral() : null;
		OAuthClientSettings settings = this.settings;
		Supplier<WebClient> webClient = builder.webClient;
		PrivateKey signingKey = builder.signingKey;
		String signingAlgorithm = builder.signingAlgorithm;
		DpopProofs dpop = this.dpop;
		this.oauthFlow = SingletonSupplier
			.of(() -> OAuthFlow.create(settings, webClient, signingKey, signingAlgorithm, dpop));
		this.assertions = (builder.assertions != null) ? new JwtAssertions(builder.assertions) : null;
		this.authorizedClients = builder.authorizedClients.apply(this.registrations);
	}

	/**
	 * A builder of an authorization.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public Mono<McpCredentials> credentials(AuthorizationRequest request) {
		Bound bound = this.bound;
		if (bound == null || !AuthorizationDiscovery.sameOrigin(request.url(), request.serverUrl())) {
			return Mono.empty();
		}
		String principal = principal(request);
		String registrationId = bound.registration().getRegistrationId();
		return this.authorizedClients.<OAuth2AuthorizedClient>loadAuthorizedClient(registrationId, principal)
			.flatMap((client) -> usable(client) ? Mono.just(client) : renew(client, principal))
			.map((client) -> credentials(client.getAccessToken(), request));
	}

	// A DPoP-bound token goes with a proof made for this very request; any other as a
	// bearer token.
	private McpCredentials credentials(OAuth2AccessToken token, AuthorizationRequest request) {
		if (this.dpop == null || !OAuth2AccessToken.TokenType.DPOP.equals(token.getTokenType())) {
			return McpCredentials.bearer(token.getTokenValue());
		}
		return dpopCredentials(this.dpop, token.getTokenValue(), request);
	}

	private static McpCredentials dpopCredentials(DpopProofs dpop, String token, AuthorizationRequest request) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(HttpHeaders.AUTHORIZATION, DPOP_SCHEME + " " + token);
		headers.put(DpopProofs.HEADER, dpop.proof(request.httpMethod().name(), request.url(), token));
		return new McpCredentials(headers);
	}

	@Override
	public void responded(AuthorizationRequest request, HttpHeaders responseHeaders) {
		if (this.dpop != null) {
			this.dpop.nonce(request.url(), responseHeaders.getFirst(DpopProofs.NONCE_HEADER));
		}
	}

	// A DPoP token refused for want of the server's nonce goes once more with a proof
	// that carries it, if the server gave one that the refused proof did not carry.
	private @Nullable McpCredentials withNonce(AuthorizationRequest request, @Nullable McpCredentials sent,
			McpAuthorizationException refusal) {
		if (this.dpop == null || sent == null || refusal.getStatus() != 401) {
			return null;
		}
		boolean asked = refusal.getChallenges()
			.stream()
			.anyMatch((challenge) -> challenge.isScheme(DPOP_SCHEME) && DpopProofs.USE_NONCE.equals(challenge.error()));
		String authorization = sent.headers().get(HttpHeaders.AUTHORIZATION);
		String nonce = this.dpop.nonce(request.url());
		if (!asked || nonce == null || authorization == null || !authorization.startsWith(DPOP_SCHEME + " ")
				|| nonce.equals(DpopProofs.nonceOf(sent.headers().get(DpopProofs.HEADER)))) {
			return null;
		}
		return dpopCredentials(this.dpop, authorization.substring(DPOP_SCHEME.length() + 1), request);
	}

	@Override
	public Mono<McpCredentials> refused(AuthorizationRequest request, @Nullable McpCredentials sent,
			McpAuthorizationException refusal) {
		if (!AuthorizationDiscovery.sameOrigin(request.url(), request.serverUrl())) {
			return Mono.empty();
		}
		McpCredentials retry = withNonce(request, sent, refusal);
		if (retry != null) {
			logger.info("Connection '" + request.connectionName() + "' (" + request.mcpMethod()
					+ "): the server asks for a DPoP nonce; sending once more with it");
			return Mono.just(retry);
		}
		String principal = principal(request);
		FlowContext flow = new FlowContext(request, refusal, principal);
		// A token just issued and refused outright ends the attempts; one refused for
		// want of scope may still step up, as long as that asks for more.
		if (sent != null && !refusal.isInsufficientScope() && this.fresh.contains(sent)) {
			logger.info(flow.describe("the server refused a token it was just issued; giving up"));
			return Mono.empty();
		}
		Set<String> scopes = null;
		if (refusal.isInsufficientScope()) {
			Set<String> held = this.requestedScopes.getOrDefault(principal, Set.of());
			AuthenticationChallenge challenge = refusal.getChallenge();
			Set<String> union = new LinkedHashSet<>(held);
			union.addAll((challenge != null) ? challenge.scopes() : List.of());
			if (union.equals(held)) {
				logger.info(flow.describe("the server asks for scopes already requested " + held + "; giving up"));
				return Mono.empty();
			}
			logger.info(flow.describe("the server asks for more scope; requesting " + union));
			scopes = union;
		}
		else {
			logger.info(flow.describe((sent != null) ? "the server refused the token; authorizing again"
					: "the server asks for authorization"));
		}
		Set<String> requested = scopes;
		Bound bound = this.bound;
		Mono<Void> forget = (sent != null && bound != null)
				? this.authorizedClients.removeAuthorizedClient(bound.registration().getRegistrationId(), principal)
				: Mono.empty();
		return forget.then(Mono
			.defer(() -> this.inFlight.computeIfAbsent(principal,
					(key) -> authorize(flow, requested).doFinally((signal) -> this.inFlight.remove(key)).cache()))
			.map((obtained) -> {
				// Each request gets credentials of its own (a DPoP proof is made for one
				// request); only a token just issued counts as fresh.
				McpCredentials credentials = credentials(obtained.client().getAccessToken(), request);
				return obtained.issued() ? this.fresh.add(credentials) : credentials;
			}));
	}

	private Mono<Obtained> authorize(FlowContext flow, @Nullable Set<String> stepUpScopes) {
		return this.oauthFlow.get().discovery().discover(flow).flatMap((server) -> {
			AuthorizationServerMetadata as = server.authorizationServer();
			if (this.settings.grant() == OAuthGrant.AUTHORIZATION_CODE && as.published()
					&& !as.codeChallengeMethods().contains("S256")) {
				return Mono.error(flow.failure("the authorization server " + as.issuer()
						+ " does not list S256 in code_challenge_methods_supported, and PKCE with S256 is required"));
			}
			Set<String> scopes = (stepUpScopes != null) ? stepUpScopes : scopes(flow, server);
			this.requestedScopes.put(flow.principal(), scopes);
			return this.oauthFlow.get()
				.identities()
				.clientFor(flow, as)
				.flatMap((client) -> obtain(flow, server, client, scopes))
				.map((obtained) -> {
					this.bound = new Bound(server, obtained.client().getClientRegistration());
					return obtained;
				});
		}).flatMap((obtained) -> {
			if (!obtained.issued()) {
				logger.info(flow.describe("using the token already stored for this principal"));
				return Mono.just(obtained);
			}
			return save(obtained.client(), flow.principal()).map((saved) -> {
				logger.info(flow
					.describe("authorized by " + saved.getClientRegistration().getProviderDetails().getIssuerUri()
							+ " with scopes " + saved.getAccessToken().getScopes()));
				return new Obtained(saved, true);
			});
		});
	}

	// A token for this registration and principal may already be stored, by another
	// replica or before a restart, or by the application's own redirect handling: use it
	// rather than run a grant.
	private Mono<Obtained> obtain(FlowContext flow, DiscoveredServer server, RegisteredClient client,
			Set<String> scopes) {
		ClientRegistration registration = registration(flow, server, client, scopes);
		this.registrations.put(registration);
		return this.authorizedClients
			.<OAuth2AuthorizedClient>loadAuthorizedClient(registration.getRegistrationId(), flow.principal())
			.flatMap((stored) -> usable(stored) ? Mono.just(stored) : renew(stored, flow.principal()))
			.map((stored) -> new Obtained(stored, false))
			.switchIfEmpty(Mono
				.defer(() -> grant(flow, server, registration, scopes).map((issued) -> new Obtained(issued, true))));
	}

	private Mono<OAuth2AuthorizedClient> grant(FlowContext flow, DiscoveredServer server,
			ClientRegistration registration, Set<String> scopes) {
		Mono<OAuth2AccessTokenResponse> response;
		if (this.settings.grant() != OAuthGrant.AUTHORIZATION_CODE) {
			logger.info(flow.describe("requesting a token with the " + this.settings.grant() + " grant from "
					+ server.authorizationServer().tokenEndpoint()));
			response = withoutUser(registration);
		}
		else {
			Assert.state(this.userAgent != null, "The authorization code grant needs a user agent");
			response = this.oauthFlow.get().codeFlow().run(flow, server, registration, scopes, this.userAgent);
		}
		return response
			.onErrorMap((ex) -> !(ex instanceof McpException),
					(ex) -> flow.failure("the token request to " + server.authorizationServer().tokenEndpoint()
							+ " failed" + reason(ex), ex))
			.map((token) -> new OAuth2AuthorizedClient(registration, flow.principal(), token.getAccessToken(),
					token.getRefreshToken()));
	}

	// The grants in which the client acts as itself, which need no user to renew.
	private Mono<OAuth2AccessTokenResponse> withoutUser(ClientRegistration registration) {
		if (this.settings.grant() == OAuthGrant.JWT_BEARER) {
			Assert.state(this.assertions != null, "The JWT bearer grant needs assertions");
			return this.assertions.grantRequest(registration).flatMap(this.oauthFlow.get().tokens()::exchange);
		}
		return this.oauthFlow.get().tokens().exchange(new OAuth2ClientCredentialsGrantRequest(registration));
	}

	private Set<String> scopes(FlowContext flow, DiscoveredServer server) {
		Set<String> scopes = new LinkedHashSet<>();
		AuthenticationChallenge challenge = flow.refusal().getChallenge();
		if (challenge != null && !challenge.scopes().isEmpty()) {
			scopes.addAll(challenge.scopes());
		}
		else if (!this.settings.scopes().isEmpty()) {
			scopes.addAll(this.settings.scopes());
		}
		else if (server.resourceMetadata() != null) {
			scopes.addAll(server.resourceMetadata().scopes());
		}
		if (this.settings.grant() == OAuthGrant.AUTHORIZATION_CODE
				&& server.authorizationServer().scopes().contains("offline_access")) {
			scopes.add("offline_access");
		}
		return scopes;
	}

	private ClientRegistration registration(FlowContext flow, DiscoveredServer server, RegisteredClient client,
			Set<String> scopes) {
		AuthorizationServerMetadata as = server.authorizationServer();
		AuthorizationGrantType grantType = switch (this.settings.grant()) {
			case AUTHORIZATION_CODE -> AuthorizationGrantType.AUTHORIZATION_CODE;
			case CLIENT_CREDENTIALS -> AuthorizationGrantType.CLIENT_CREDENTIALS;
			case JWT_BEARER -> AuthorizationGrantType.JWT_BEARER;
		};
		ClientRegistration.Builder builder = ClientRegistration
			.withRegistrationId(flow.connectionName() + "@" + as.issuer())
			.clientId(client.clientId())
			.clientSecret((client.clientSecret() != null) ? client.clientSecret() : "")
			.clientAuthenticationMethod(client.authenticationMethod())
			.authorizationGrantType(grantType)
			.authorizationUri(as.authorizationEndpoint().toString())
			.tokenUri(as.tokenEndpoint().toString())
			.issuerUri(as.issuer())
			// The resource for token requests; whether the callback must carry 'iss', for
			// a
			// web application's callback handling to check (RFC 9207).
			.providerConfigurationMetadata(Map.of(TokenRequests.RESOURCE, server.resource(), ISS_PARAMETER_SUPPORTED,
					as.issParameterSupported()))
			.scope(scopes)
			.clientName(this.settings.clientName());
		URI redirectUri = this.settings.redirectUri();
		if (redirectUri != null) {
			builder.redirectUri(redirectUri.toString());
		}
		return builder.build();
	}

	private boolean usable(OAuth2AuthorizedClient client) {
		Instant expires = client.getAccessToken().getExpiresAt();
		return expires == null || expires.minus(EXPIRY_MARGIN).isAfter(this.clock.instant());
	}

	// Before expiry: a refresh when there is a refresh token, new client credentials for
	// a client that has them; otherwise the token is dropped and the next 401 authorizes.
	private Mono<OAuth2AuthorizedClient> renew(OAuth2AuthorizedClient client, String principal) {
		ClientRegistration registration = client.getClientRegistration();
		Mono<OAuth2AccessTokenResponse> renewed;
		if (client.getRefreshToken() != null) {
			renewed = this.oauthFlow.get()
				.tokens()
				.exchange(new OAuth2RefreshTokenGrantRequest(registration, client.getAccessToken(),
						client.getRefreshToken(), client.getAccessToken().getScopes()));
		}
		else if (this.settings.grant() != OAuthGrant.AUTHORIZATION_CODE) {
			renewed = withoutUser(registration);
		}
		else {
			renewed = Mono.empty();
		}
		logger.debug("Connection '" + registration.getRegistrationId() + "': renewing a token near expiry");
		return renewed
			.map((token) -> new OAuth2AuthorizedClient(registration, principal, token.getAccessToken(),
					(token.getRefreshToken() != null) ? token.getRefreshToken() : client.getRefreshToken()))
			.flatMap((authorized) -> save(authorized, principal))
			.onErrorResume((ex) -> {
				logger.info("Renewing the token of '" + registration.getRegistrationId() + "' failed" + reason(ex));
				return Mono.empty();
			})
			.switchIfEmpty(Mono
				.defer(() -> this.authorizedClients.removeAuthorizedClient(registration.getRegistrationId(), principal)
					.then(Mono.empty())));
	}

	private Mono<OAuth2AuthorizedClient> save(OAuth2AuthorizedClient authorized, String principal) {
		this.expiresAt = authorized.getAccessToken().getExpiresAt();
		return this.authorizedClients
			.saveAuthorizedClient(authorized,
					UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()))
			.thenReturn(authorized);
	}

	@Override
	public Mono<String> principal(ContextView context) {
		return this.perPrincipal ? Mono.justOrEmpty(this.principals.apply(context)) : Mono.empty();
	}

	@Override
	public boolean isPerPrincipal() {
		return this.perPrincipal;
	}

	// The session's principal when the engine names one (also outside a call), else the
	// call's.
	private String principal(AuthorizationRequest request) {
		if (request.principal() != null) {
			return request.principal();
		}
		String principal = this.principals.apply(request.context());
		return (principal != null) ? principal : DEFAULT_PRINCIPAL;
	}

	// The OAuth error code only: descriptions are the server's text.
	private static String reason(Throwable ex) {
		if (ex instanceof OAuth2AuthorizationException oauth) {
			return ": " + oauth.getError().getErrorCode();
		}
		return ": " + ex.getClass().getSimpleName();
	}

	@Override
	public McpAuthorizationState state() {
		Bound bound = this.bound;
		Set<String> scopes = this.requestedScopes.getOrDefault(DEFAULT_PRINCIPAL, Set.of());
		return new McpAuthorizationState(this.settings.grant().name().toLowerCase(Locale.ROOT).replace('_', '-'),
				bound != null, (bound != null) ? bound.server().authorizationServer().issuer() : null, scopes,
				this.expiresAt, this.perPrincipal ? this.requestedScopes.size() : 0);
	}

	@Override
	public String toString() {
		return "OAuthAuthorization[" + this.settings + "]";
	}

	/**
	 * The authorization server in use and the client's registration there.
	 */
	private record Bound(DiscoveredServer server, ClientRegistration registration) {

	}

	/**
	 * A token found in the store, or just issued by a grant.
	 */
	private record Obtained(OAuth2AuthorizedClient client, boolean issued) {

	}

	/**
	 * Builds an {@link OAuthAuthorization}.
	 *
	 * @since 0.2.0
	 */
	public static final class Builder {

		private OAuthGrant grant = OAuthGrant.AUTHORIZATION_CODE;

		private @Nullable String clientId;

		private @Nullable String clientSecret;

		private @Nullable ClientAuthenticationMethod authenticationMethod;

		private @Nullable PrivateKey signingKey;

		private String signingAlgorithm = "ES256";

		private @Nullable URI clientMetadataUrl;

		private String clientName = "MCP client";

		private @Nullable String applicationType;

		private final Set<String> scopes = new LinkedHashSet<>();

		private @Nullable AuthorizationCodeUserAgent userAgent;

		private @Nullable BiFunction<String, String, Mono<String>> assertions;

		private Function<ContextView, @Nullable String> principals = (context) -> DEFAULT_PRINCIPAL;

		private boolean perPrincipal;

		private Function<ReactiveClientRegistrationRepository, ReactiveOAuth2AuthorizedClientService> authorizedClients = InMemoryReactiveOAuth2AuthorizedClientService::new;

		private Supplier<WebClient> webClient = WebClient::create;

		private Clock clock = Clock.systemUTC();

		private boolean dpop;

		private Builder() {
		}

		/**
		 * How tokens are obtained; {@link OAuthGrant#AUTHORIZATION_CODE} unless set.
		 * @param grant the grant
		 * @return this builder
		 */
		public Builder grant(OAuthGrant grant) {
			this.grant = grant;
			return this;
		}

		/**
		 * A client id registered with the authorization server beforehand. Without one,
		 * the client uses its metadata document or registers dynamically.
		 * @param clientId the client id
		 * @return this builder
		 */
		public Builder clientId(@Nullable String clientId) {
			this.clientId = clientId;
			return this;
		}

		/**
		 * The secret of the pre-registered client.
		 * @param clientSecret the secret
		 * @return this builder
		 */
		public Builder clientSecret(@Nullable String clientSecret) {
			this.clientSecret = clientSecret;
			return this;
		}

		/**
		 * How the pre-registered client authenticates at the token endpoint; by default
		 * {@code client_secret_basic} with a secret (or {@code client_secret_post} when
		 * the server supports only that) and {@code none} without.
		 * @param method the method
		 * @return this builder
		 */
		public Builder clientAuthentication(ClientAuthenticationMethod method) {
			this.authenticationMethod = method;
			return this;
		}

		/**
		 * Authenticate with a JWT signed by this key ({@code private_key_jwt}, RFC 7523).
		 * @param key the client's private key, EC or RSA
		 * @param algorithm the JWS algorithm, such as {@code ES256} or {@code RS256}
		 * @return this builder
		 */
		public Builder privateKeyJwt(PrivateKey key, String algorithm) {
			this.signingKey = key;
			this.signingAlgorithm = algorithm;
			this.authenticationMethod = ClientAuthenticationMethod.PRIVATE_KEY_JWT;
			return this;
		}

		/**
		 * The scopes to request when the server's challenge names none.
		 * @param scopes the scopes
		 * @return this builder
		 */
		public Builder scopes(Collection<String> scopes) {
			this.scopes.clear();
			this.scopes.addAll(scopes);
			return this;
		}

		/**
		 * The HTTPS URL of the client's metadata document, used as its client id by
		 * authorization servers that accept Client ID Metadata Documents.
		 * @param clientMetadataUrl the URL
		 * @return this builder
		 */
		public Builder clientMetadataUrl(@Nullable URI clientMetadataUrl) {
			this.clientMetadataUrl = clientMetadataUrl;
			return this;
		}

		/**
		 * The name the client registers under.
		 * @param clientName the name
		 * @return this builder
		 */
		public Builder clientName(String clientName) {
			this.clientName = clientName;
			return this;
		}

		/**
		 * The {@code application_type} of a dynamic registration: {@code native} or
		 * {@code web}. By default {@code native} for a loopback redirect URI, else
		 * {@code web}.
		 * @param applicationType the type
		 * @return this builder
		 */
		public Builder applicationType(String applicationType) {
			this.applicationType = applicationType;
			return this;
		}

		/**
		 * Who takes the user to the authorization server, for the authorization code
		 * grant; it also gives the redirect URI.
		 * @param userAgent the user agent
		 * @return this builder
		 */
		public Builder userAgent(AuthorizationCodeUserAgent userAgent) {
			this.userAgent = userAgent;
			return this;
		}

		/**
		 * Where the assertions of the {@link OAuthGrant#JWT_BEARER} grant come from, such
		 * as the platform's workload identity token, or the identity assertion grant an
		 * enterprise identity provider issues for the user. Asked each time a token is
		 * needed.
		 * @param assertions gives a fresh assertion (a JWT) for an authorization server's
		 * issuer (the audience it should name) and the MCP server's resource
		 * @return this builder
		 */
		public Builder assertion(BiFunction<String, String, Mono<String>> assertions) {
			this.assertions = assertions;
			return this;
		}

		/**
		 * Whose tokens a call uses, read from its Reactor context. By default every call
		 * is made for {@link #DEFAULT_PRINCIPAL}. With a resolver the authorization
		 * {@linkplain McpAuthorization#isPerPrincipal() is per principal}: the connection
		 * keeps one session per principal, and a call whose context names none fails.
		 * @param principals the resolver; it returns {@code null} when the context names
		 * no principal
		 * @return this builder
		 */
		public Builder principal(Function<ContextView, @Nullable String> principals) {
			this.principals = principals;
			this.perPrincipal = true;
			return this;
		}

		/**
		 * Where tokens are kept, given the registrations this authorization makes. By
		 * default in memory.
		 * @param authorizedClients creates the service from the registration repository
		 * @return this builder
		 */
		public Builder authorizedClientService(
				Function<ReactiveClientRegistrationRepository, ReactiveOAuth2AuthorizedClientService> authorizedClients) {
			this.authorizedClients = authorizedClients;
			return this;
		}

		/**
		 * The client for metadata, registration and token requests. It must not carry the
		 * MCP connection's filters or credentials.
		 * @param webClient the client
		 * @return this builder
		 */
		public Builder webClient(WebClient webClient) {
			Assert.notNull(webClient, "webClient must not be null");
			return webClient(() -> webClient);
		}

		/**
		 * Where the client for metadata, registration and token requests comes from:
		 * asked once, on the first authorization attempt, so that building an
		 * authorization builds no HTTP client. The client must not carry the MCP
		 * connection's filters or credentials.
		 * @param webClient supplies the client
		 * @return this builder
		 * @since 0.2.0
		 */
		public Builder webClient(Supplier<WebClient> webClient) {
			Assert.notNull(webClient, "webClient must not be null");
			this.webClient = webClient;
			return this;
		}

		/**
		 * Whether to ask for DPoP-bound tokens (RFC 9449, the MCP DPoP extension). Off
		 * unless set. When on, the authorization makes an EC P-256 key of its own that
		 * lives as long as it does, sends a proof of it with every token request, and
		 * sends a token the authorization server bound to it as {@code Authorization:
		 * DPoP} with a fresh proof on every MCP request. A server that asks for a nonce
		 * ({@code use_dpop_nonce}) gets the request once more with it, and later proofs
		 * to its origin carry the latest nonce it gave. A token the server issued as a
		 * bearer token is still sent as one.
		 * @param dpop whether to use DPoP
		 * @return this builder
		 * @since 0.2.0
		 */
		public Builder dpop(boolean dpop) {
			this.dpop = dpop;
			return this;
		}

		/**
		 * The clock that decides when a token is near expiry.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		private OAuthClientSettings settings() {
			URI redirectUri = (this.userAgent != null) ? this.userAgent.redirectUri() : null;
			String type = (this.applicationType != null) ? this.applicationType
					: ((redirectUri == null || isLoopback(redirectUri)) ? "native" : "web");
			return new OAuthClientSettings(this.grant, this.clientId, this.clientSecret, this.authenticationMethod,
					this.signingKey, this.signingAlgorithm, this.clientMetadataUrl, redirectUri, this.clientName, type,
					java.util.Collections.unmodifiableSet(new LinkedHashSet<>(this.scopes)));
		}

		private static boolean isLoopback(URI uri) {
			String host = (uri.getHost() != null) ? uri.getHost() : "";
			return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")
					|| !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
		}

		/**
		 * Build the authorization.
		 * @return the authorization, for one connection
		 */
		public OAuthAuthorization build() {
			if (this.grant == OAuthGrant.AUTHORIZATION_CODE) {
				Assert.state(this.userAgent != null, "The authorization code grant needs a userAgent");
			}
			else {
				Assert.state(this.clientId != null, "The " + this.grant + " grant needs a clientId");
			}
			if (this.grant == OAuthGrant.JWT_BEARER) {
				Assert.state(this.assertions != null, "The JWT bearer grant needs an assertion source");
			}
			return new OAuthAuthorization(this);
		}

	}

}
