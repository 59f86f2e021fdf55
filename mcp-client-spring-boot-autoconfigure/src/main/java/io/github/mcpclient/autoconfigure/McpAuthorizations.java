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
		throw new InvalidConfigurationPropertyValueException(settings.property() + "grant",
				McpAuthorizationSettings.kebab(settings.grant()),
				"This version of the client does not run that grant yet; use 'client-credentials' or "
						+ "'bearer-pass-through'.");
	}

	// The client's own OAuth flow, whose registrations the application's token store
	// finds
	// through McpClientRegistrations.
	private static McpAuthorization clientCredentials(McpAuthorizationSettings settings, Services services) {
		OAuthAuthorization.Builder builder = OAuthAuthorization.builder()
			.grant(OAuthGrant.CLIENT_CREDENTIALS)
			.clientId(settings.clientId())
			.clientSecret(settings.clientSecret())
			.scopes(settings.scopes())
			.clientName(settings.connectionName())
			.authorizedClientService((repository) -> {
				services.registrations().add(repository);
				return services.authorizedClients();
			})
			.webClient(services.webClient())
			.dpop(settings.dpop());
		switch (settings.clientAuthenticationMethod()) {
			case CLIENT_SECRET_BASIC -> builder.clientAuthentication(
					org.springframework.security.oauth2.core.ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
			case CLIENT_SECRET_POST -> builder.clientAuthentication(
					org.springframework.security.oauth2.core.ClientAuthenticationMethod.CLIENT_SECRET_POST);
			case PRIVATE_KEY_JWT -> builder.privateKeyJwt(privateKey(settings), "RS256");
			case NONE ->
				builder.clientAuthentication(org.springframework.security.oauth2.core.ClientAuthenticationMethod.NONE);
		}
		return builder.build();
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
	 */
	record Services(ReactiveOAuth2AuthorizedClientService authorizedClients, McpClientRegistrations registrations,
			Supplier<WebClient> webClient) {

	}

}
