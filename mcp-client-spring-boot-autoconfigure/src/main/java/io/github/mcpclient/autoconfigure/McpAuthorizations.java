package io.github.mcpclient.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.interfaces.RSAPrivateKey;
import java.util.function.Supplier;

import io.github.mcpclient.auth.McpAuthorization;
import io.github.mcpclient.auth.OAuthAuthorization;
import io.github.mcpclient.auth.OAuthGrant;
import io.github.mcpclient.autoconfigure.McpClientProperties.Grant;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Maps a connection's authorization settings to the {@link McpAuthorization} that runs
 * its grant: the one place that knows which implementation serves which grant.
 */
final class McpAuthorizations {

	private McpAuthorizations() {
	}

	/**
	 * The authorization of one connection whose grant needs an authorization server.
	 * @param settings the connection's validated settings
	 * @param serverUrl the MCP server's URL
	 * @param services what the authorization keeps its state in and talks through
	 * @return the authorization
	 */
	static McpAuthorization forConnection(McpAuthorizationSettings settings, URI serverUrl, Services services) {
		if (settings.grant() == Grant.CLIENT_CREDENTIALS) {
			return clientCredentials(settings, services);
		}
		McpLoopbackUserAgents userAgents = services.loopbackUserAgents();
		if (settings.grant() == Grant.AUTHORIZATION_CODE && userAgents != null) {
			return loopback(settings, services, userAgents);
		}
		throw new InvalidConfigurationPropertyValueException(settings.property() + "grant",
				McpAuthorizationSettings.kebab(settings.grant()),
				"This grant is not available here; use 'client-credentials' or 'bearer-pass-through'.");
	}

	// The client's own OAuth flow, whose registrations the application's token store
	// finds through McpClientRegistrations.
	private static McpAuthorization clientCredentials(McpAuthorizationSettings settings, Services services) {
		OAuthAuthorization.Builder builder = common(settings, services).grant(OAuthGrant.CLIENT_CREDENTIALS)
			.dpop(settings.dpop());
		authentication(builder, settings);
		return builder.build();
	}

	// A command-line or desktop application: the user authorizes in a browser, the
	// callback comes to a loopback port, and the one user's token is kept as the
	// application's.
	private static McpAuthorization loopback(McpAuthorizationSettings settings, Services services,
			McpLoopbackUserAgents userAgents) {
		OAuthAuthorization.Builder builder = common(settings, services).grant(OAuthGrant.AUTHORIZATION_CODE)
			.clientMetadataUrl(settings.clientMetadataUrl())
			.applicationType("native")
			.userAgent(userAgents.forConnection(settings));
		authentication(builder, settings);
		return builder.build();
	}

	private static OAuthAuthorization.Builder common(McpAuthorizationSettings settings, Services services) {
		return OAuthAuthorization.builder()
			.clientId(settings.clientId())
			.clientSecret(settings.clientSecret())
			.scopes(settings.scopes())
			.clientName(settings.connectionName())
			.authorizedClientService((repository) -> {
				services.registrations().add(repository);
				return services.authorizedClients();
			})
			.webClient(services.webClient());
	}

	private static void authentication(OAuthAuthorization.Builder builder, McpAuthorizationSettings settings) {
		switch (settings.clientAuthenticationMethod()) {
			case CLIENT_SECRET_BASIC -> builder.clientAuthentication(
					org.springframework.security.oauth2.core.ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
			case CLIENT_SECRET_POST -> builder.clientAuthentication(
					org.springframework.security.oauth2.core.ClientAuthenticationMethod.CLIENT_SECRET_POST);
			case PRIVATE_KEY_JWT -> builder.privateKeyJwt(privateKey(settings), "RS256");
			case NONE ->
				builder.clientAuthentication(org.springframework.security.oauth2.core.ClientAuthenticationMethod.NONE);
		}
	}

	// A PEM-encoded PKCS#8 RSA key; the settings have made sure there is one.
	private static RSAPrivateKey privateKey(McpAuthorizationSettings settings) {
		String property = settings.property() + "private-key-location";
		Resource location = settings.privateKey();
		if (location == null) {
			throw new InvalidConfigurationPropertyValueException(property, null,
					"The client authentication method 'private-key-jwt' needs a private key.");
		}
		try (InputStream in = location.getInputStream()) {
			return RsaKeyConverters.pkcs8().convert(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the private key at " + location, ex);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			throw new InvalidConfigurationPropertyValueException(property, location,
					"Not a PEM-encoded PKCS#8 RSA private key.");
		}
	}

	/**
	 * What the OAuth authorizations of an application share.
	 *
	 * @param authorizedClients where tokens are kept
	 * @param registrations the connections' client registrations, known after discovery
	 * @param webClient supplies, on the first authorization attempt, the client that
	 * talks to protected resource metadata, authorization server metadata and token
	 * endpoints; it never carries MCP traffic
	 * @param loopbackUserAgents the user agents of the authorization-code grant in an
	 * application that is not a web application, else {@code null}
	 */
	record Services(ReactiveOAuth2AuthorizedClientService authorizedClients, McpClientRegistrations registrations,
			Supplier<WebClient> webClient, @Nullable McpLoopbackUserAgents loopbackUserAgents) {

	}

}
