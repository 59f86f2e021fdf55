package io.github.mcpclient.autoconfigure;

import java.net.URI;

import io.github.mcpclient.auth.McpAuthorization;
import io.github.mcpclient.autoconfigure.McpClientProperties.Grant;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
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
			return new ClientCredentialsAuthorization(settings, serverUrl, services);
		}
		throw new InvalidConfigurationPropertyValueException(settings.property() + "grant",
				McpAuthorizationSettings.kebab(settings.grant()),
				"This version of the client does not run that grant yet; use 'client-credentials' or "
						+ "'bearer-pass-through'.");
	}

	/**
	 * What the OAuth authorizations of an application share.
	 *
	 * @param authorizedClients where tokens are kept
	 * @param registrations the connections' client registrations, known after discovery
	 * @param webClient talks to protected resource metadata, authorization server
	 * metadata and token endpoints; never carries MCP traffic
	 */
	record Services(ReactiveOAuth2AuthorizedClientService authorizedClients, McpClientRegistrations registrations,
			WebClient webClient) {

	}

}
