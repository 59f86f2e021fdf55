package io.github.mcpclient.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.github.mcpclient.autoconfigure.McpClientProperties.ClientAuthenticationMethod;
import io.github.mcpclient.autoconfigure.McpClientProperties.Grant;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.io.Resource;
import org.springframework.util.StringUtils;

/**
 * The validated authorization of one connection, resolved from
 * {@code mcp.client.connections.<name>.authorization}.
 *
 * @param connectionName the connection's name
 * @param grant how the token is obtained
 * @param clientId the client id, or {@code null} to find one (metadata document or
 * registration)
 * @param clientSecret the client secret, or {@code null}
 * @param clientAuthenticationMethod how the client authenticates at the token endpoint
 * @param privateKey the key that signs client assertions, or {@code null}
 * @param scopes the scopes to request, empty for what the server asks for
 * @param clientMetadataUrl the client's metadata document, or {@code null}
 * @param redirectUri the redirect URI of the authorization code grant, or {@code null}
 * for Spring Security's default
 * @param maxSessions the most users whose tokens are kept
 * @param sessionIdleTimeout how long an unused user authorization is kept
 * @param dpop whether to ask for DPoP-bound tokens
 */
record McpAuthorizationSettings(String connectionName, Grant grant, @Nullable String clientId,
		@Nullable String clientSecret, ClientAuthenticationMethod clientAuthenticationMethod,
		@Nullable Resource privateKey, Set<String> scopes, @Nullable URI clientMetadataUrl,
		@Nullable String redirectUri, int maxSessions, Duration sessionIdleTimeout, boolean dpop) {

	/**
	 * Resolve and check one connection's authorization properties.
	 * @param name the connection's name
	 * @param properties its authorization properties
	 * @param headers its static headers
	 * @return the settings
	 * @throws InvalidConfigurationPropertyValueException naming the property at fault
	 */
	static McpAuthorizationSettings of(String name, McpClientProperties.Authorization properties,
			Map<String, String> headers) {
		String prefix = McpClientSettingsMapper.PREFIX + "connections." + name + ".authorization.";
		Grant grant = properties.getGrant();
		String clientId = trimmed(properties.getClientId());
		String clientSecret = properties.getClientSecret();
		ClientAuthenticationMethod method = method(properties, clientSecret);
		if (grant != Grant.NONE && headers.keySet().stream().anyMatch("Authorization"::equalsIgnoreCase)) {
			throw new InvalidConfigurationPropertyValueException(prefix + "grant", grant,
					"A connection with a static 'Authorization' header under " + McpClientSettingsMapper.PREFIX
							+ "connections." + name + ".headers cannot also obtain tokens; remove one of them.");
		}
		if (grant == Grant.NONE && clientId != null) {
			throw new InvalidConfigurationPropertyValueException(prefix + "grant", grant,
					"A client id is configured but no grant uses it; set the grant, such as 'client-credentials'.");
		}
		if (grant == Grant.CLIENT_CREDENTIALS) {
			if (clientId == null) {
				throw new InvalidConfigurationPropertyValueException(prefix + "client-id", null,
						"The client credentials grant needs the client id registered with the authorization server.");
			}
			if (method == ClientAuthenticationMethod.NONE) {
				throw new InvalidConfigurationPropertyValueException(prefix + "client-secret", null,
						"The client credentials grant needs a confidential client: set the client secret, or use "
								+ "'private-key-jwt' with a private key.");
			}
		}
		if ((method == ClientAuthenticationMethod.CLIENT_SECRET_BASIC
				|| method == ClientAuthenticationMethod.CLIENT_SECRET_POST) && !StringUtils.hasText(clientSecret)) {
			throw new InvalidConfigurationPropertyValueException(prefix + "client-secret", null,
					"The client authentication method '" + kebab(method) + "' needs the client secret.");
		}
		if (method == ClientAuthenticationMethod.PRIVATE_KEY_JWT && properties.getPrivateKeyLocation() == null) {
			throw new InvalidConfigurationPropertyValueException(prefix + "private-key-location", null,
					"The client authentication method 'private-key-jwt' needs the private key that signs the "
							+ "client's assertions.");
		}
		if (properties.getPrivateKeyLocation() != null && !properties.getPrivateKeyLocation().exists()) {
			throw new InvalidConfigurationPropertyValueException(prefix + "private-key-location",
					properties.getPrivateKeyLocation(), "The private key does not exist.");
		}
		URI clientMetadataUrl = httpsUrl(prefix + "client-metadata-url", properties.getClientMetadataUrl());
		if (properties.getMaxSessions() <= 0) {
			throw new InvalidConfigurationPropertyValueException(prefix + "max-sessions", properties.getMaxSessions(),
					"The value must be positive.");
		}
		Duration idle = properties.getSessionIdleTimeout();
		if (idle.isZero() || idle.isNegative()) {
			throw new InvalidConfigurationPropertyValueException(prefix + "session-idle-timeout", idle,
					"The duration must be positive.");
		}
		if (properties.isDpop() && grant != Grant.CLIENT_CREDENTIALS) {
			// Spring Security's callback filter redeems an authorization code without a
			// DPoP proof, and a token passed through is the caller's.
			throw new InvalidConfigurationPropertyValueException(prefix + "dpop", true,
					"DPoP-bound tokens are available with the 'client-credentials' grant only.");
		}
		return new McpAuthorizationSettings(name, grant, clientId, clientSecret, method,
				properties.getPrivateKeyLocation(), new LinkedHashSet<>(properties.getScopes()), clientMetadataUrl,
				trimmed(properties.getRedirectUri()), properties.getMaxSessions(), idle, properties.isDpop());
	}

	/**
	 * The property prefix of this connection's authorization.
	 * @return the prefix, ending with a dot
	 */
	String property() {
		return McpClientSettingsMapper.PREFIX + "connections." + this.connectionName + ".authorization.";
	}

	@Override
	public String toString() {
		// Never the secret.
		return "McpAuthorizationSettings[connection=" + this.connectionName + ", grant=" + this.grant + ", clientId="
				+ this.clientId + ", scopes=" + this.scopes + "]";
	}

	static String kebab(Enum<?> value) {
		return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	private static ClientAuthenticationMethod method(McpClientProperties.Authorization properties,
			@Nullable String clientSecret) {
		if (properties.getClientAuthenticationMethod() != null) {
			return properties.getClientAuthenticationMethod();
		}
		if (StringUtils.hasText(clientSecret)) {
			return ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
		}
		return (properties.getPrivateKeyLocation() != null) ? ClientAuthenticationMethod.PRIVATE_KEY_JWT
				: ClientAuthenticationMethod.NONE;
	}

	private static @Nullable String trimmed(@Nullable String value) {
		return StringUtils.hasText(value) ? value.trim() : null;
	}

	private static @Nullable URI httpsUrl(String property, @Nullable String value) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		try {
			URI url = new URI(value.trim());
			String path = url.getPath();
			if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null || path == null || path.isEmpty()
					|| "/".equals(path)) {
				throw new InvalidConfigurationPropertyValueException(property, value,
						"A client id metadata document needs an https URL with a path, such as "
								+ "'https://app.example.com/oauth/client.json'.");
			}
			return url;
		}
		catch (URISyntaxException ex) {
			throw new InvalidConfigurationPropertyValueException(property, value,
					"Not a valid URL: " + ex.getReason() + ".");
		}
	}

}
