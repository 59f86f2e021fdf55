package io.github.mcpclient.autoconfigure;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.mcpclient.auth.OAuthAuthorization;
import io.github.mcpclient.auth.OAuthGrant;
import io.github.mcpclient.autoconfigure.McpClientProperties.ClientAuthenticationMethod;
import io.github.mcpclient.autoconfigure.McpClientProperties.Grant;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What the authorization-code grant does the same in a servlet and in a reactive web
 * application: the connections' authorizations, the parameters an MCP connection adds to
 * Spring Security's requests, the RFC 9207 check of the authorization response and the
 * Client ID Metadata Documents. Free of servlet and WebFlux types, so that either
 * configuration loads without the other's stack.
 */
final class McpWebAuthorizationSupport {

	/** The redirect URI of a connection, before its name, unless configured. */
	static final String DEFAULT_REDIRECT_URI = "{baseUrl}/login/oauth2/code/";

	// Where the resource indicator sits in a connection's client registration.
	private static final String RESOURCE_METADATA = "mcp_resource";

	private static final String RESOURCE = "resource";

	private static final String ISS = "iss";

	private McpWebAuthorizationSupport() {
	}

	/**
	 * The authorizations of the authorization-code connections.
	 * @param registrations where each connection's registrations are shown to Spring
	 * Security
	 * @param authorizedClients where Spring Security's callback keeps the users' tokens,
	 * as the connections read them
	 * @param webClientBuilder the application's WebClient builder, if any
	 * @return the factory
	 */
	static McpAuthorizationCodeFactory authorizationCodeFactory(McpWebRegistrations registrations,
			Supplier<ReactiveOAuth2AuthorizedClientService> authorizedClients,
			ObjectProvider<WebClient.Builder> webClientBuilder) {
		return (settings, serverUrl) -> {
			String template = redirectUriTemplate(settings);
			URI redirectUri = redirectUri(settings, template);
			OAuthAuthorization.Builder builder = OAuthAuthorization.builder()
				.grant(OAuthGrant.AUTHORIZATION_CODE)
				.clientId(settings.clientId())
				.clientSecret(settings.clientSecret())
				.scopes(settings.scopes())
				.clientMetadataUrl(settings.clientMetadataUrl())
				.clientName(settings.connectionName())
				.applicationType("web")
				.userAgent(new AuthorizationRequiredUserAgent(redirectUri))
				.principal(McpSecurityContextPropagation::principal)
				.authorizedClientService((repository) -> {
					registrations.add(repository, template);
					return authorizedClients.get();
				})
				.webClient(() -> webClientBuilder.getIfAvailable(WebClient::builder).clone().build());
			if (settings.clientAuthenticationMethod() == ClientAuthenticationMethod.NONE) {
				builder.clientAuthentication(org.springframework.security.oauth2.core.ClientAuthenticationMethod.NONE);
			}
			return builder.build();
		};
	}

	/**
	 * Adds PKCE (S256) and the MCP server as the {@code resource} to the authorization
	 * request of an MCP connection; leaves the application's own requests alone.
	 * @param registrations finds a registration by id without blocking
	 * @return the customizer of Spring Security's authorization request resolver
	 */
	static Consumer<OAuth2AuthorizationRequest.Builder> authorizationRequestCustomizer(
			Function<String, @Nullable ClientRegistration> registrations) {
		return (builder) -> {
			String[] registrationId = new String[1];
			builder.attributes(
					(attributes) -> registrationId[0] = (String) attributes.get(OAuth2ParameterNames.REGISTRATION_ID));
			String resource = (registrationId[0] != null) ? resource(registrations.apply(registrationId[0])) : null;
			if (resource != null) {
				OAuth2AuthorizationRequestCustomizers.withPkce().accept(builder);
				builder.additionalParameters((parameters) -> parameters.put(RESOURCE, resource));
			}
		};
	}

	/**
	 * The parameters an MCP connection adds to the token request that redeems a code.
	 * @param registration the registration the code was issued to
	 * @return the {@code resource}, or nothing for the application's own registrations
	 */
	static MultiValueMap<String, String> tokenRequestParameters(ClientRegistration registration) {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		String resource = resource(registration);
		if (resource != null) {
			parameters.add(RESOURCE, resource);
		}
		return parameters;
	}

	/**
	 * Whether a request to the application is an authorization response.
	 * @param parameters the request's query parameters
	 * @return {@code true} when it has a state and a code or an error
	 */
	static boolean isAuthorizationResponse(Function<String, @Nullable String> parameters) {
		return parameters.apply(OAuth2ParameterNames.STATE) != null
				&& (parameters.apply(OAuth2ParameterNames.CODE) != null
						|| parameters.apply(OAuth2ParameterNames.ERROR) != null);
	}

	/**
	 * What is wrong with an authorization response's {@code iss} (RFC 9207): when present
	 * it must be the issuer of the authorization server the request went to, character
	 * for character, and it must be present when that server says it sends it.
	 * @param registration the MCP connection's registration the pending request is for
	 * @param parameters the response's query parameters
	 * @return the problem, or {@code null} when the response may be redeemed
	 */
	static @Nullable String issuerProblem(ClientRegistration registration,
			Function<String, @Nullable String> parameters) {
		String expected = registration.getProviderDetails().getIssuerUri();
		String issuer = parameters.apply(ISS);
		if (issuer != null) {
			return issuer.equals(expected) ? null
					: "it names issuer '" + issuer + "', not '" + expected + "' (RFC 9207)";
		}
		boolean advertised = Boolean.TRUE.equals(registration.getProviderDetails()
			.getConfigurationMetadata()
			.get(OAuthAuthorization.ISS_PARAMETER_SUPPORTED));
		return advertised ? "it has no 'iss' though " + expected + " advertises it (RFC 9207)" : null;
	}

	/**
	 * The Client ID Metadata Documents of the authorization-code connections that name
	 * themselves with one.
	 * @param properties the client's properties
	 * @return the documents
	 */
	static McpClientMetadataDocuments clientMetadataDocuments(McpClientProperties properties) {
		List<McpClientMetadataDocuments.Document> documents = new ArrayList<>();
		new McpClientSettingsMapper(properties, null, false).authorizations().forEach((name, settings) -> {
			if (settings.grant() == Grant.AUTHORIZATION_CODE && settings.clientMetadataUrl() != null) {
				documents.add(new McpClientMetadataDocuments.Document(settings.clientMetadataUrl(), name,
						redirectUriTemplate(settings)));
			}
		});
		return new McpClientMetadataDocuments(documents);
	}

	// The redirect URI as configured, or the default. A connection that identifies itself
	// with a metadata document takes {baseUrl} from the document's URL, so that the
	// document can list it.
	static String redirectUriTemplate(McpAuthorizationSettings settings) {
		String template = (settings.redirectUri() != null) ? settings.redirectUri()
				: DEFAULT_REDIRECT_URI + settings.connectionName();
		URI metadataUrl = settings.clientMetadataUrl();
		if (settings.clientId() == null && metadataUrl != null) {
			String origin = metadataUrl.getScheme() + "://" + metadataUrl.getRawAuthority();
			template = template.replace("{baseUrl}", origin);
		}
		return template;
	}

	// The core needs an absolute redirect URI for dynamic registration and metadata
	// documents; a template is expanded by Spring Security per request, so it serves a
	// pre-registered client only.
	private static URI redirectUri(McpAuthorizationSettings settings, String template) {
		if (!template.contains("{")) {
			return URI.create(template);
		}
		if (settings.clientId() == null) {
			throw new InvalidConfigurationPropertyValueException(settings.property() + "redirect-uri", template,
					"Without a pre-registered client id the client registers its redirect URI with the "
							+ "authorization server or lists it in its metadata document, which needs it absolute, "
							+ "such as " + "'https://app.example.com/login/oauth2/code/" + settings.connectionName()
							+ "'.");
		}
		return URI.create("https://redirect-uri.invalid/login/oauth2/code/" + settings.connectionName());
	}

	private static @Nullable String resource(@Nullable ClientRegistration registration) {
		if (registration == null) {
			return null;
		}
		Object resource = registration.getProviderDetails().getConfigurationMetadata().get(RESOURCE_METADATA);
		return (resource != null) ? resource.toString() : null;
	}

}
