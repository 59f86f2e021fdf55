package io.github.mcpclient.auth;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where discovery looks, in the specification's order, and which protected resource
 * identifiers cover a server URL.
 */
class AuthorizationDiscoveryTests {

	@Test
	void resourceMetadataIsLookedForWhereTheChallengeSaysThenAtThePathThenAtTheRoot() {
		assertThat(AuthorizationDiscovery.resourceMetadataLocations(URI.create("https://mcp.example.com/tenant/mcp"),
				"https://meta.example.com/prm.json"))
			.containsExactly(URI.create("https://meta.example.com/prm.json"),
					URI.create("https://mcp.example.com/.well-known/oauth-protected-resource/tenant/mcp"),
					URI.create("https://mcp.example.com/.well-known/oauth-protected-resource"));
		assertThat(AuthorizationDiscovery.resourceMetadataLocations(URI.create("https://mcp.example.com:443/"), null))
			.containsExactly(URI.create("https://mcp.example.com/.well-known/oauth-protected-resource"));
	}

	@Test
	void serverMetadataOfAnIssuerWithAPathIsLookedForInThePathInsertedFormsFirst() {
		assertThat(AuthorizationDiscovery.authorizationServerMetadataLocations(URI.create("https://as.example.com/t1")))
			.containsExactly(URI.create("https://as.example.com/.well-known/oauth-authorization-server/t1"),
					URI.create("https://as.example.com/.well-known/openid-configuration/t1"),
					URI.create("https://as.example.com/t1/.well-known/openid-configuration"));
		assertThat(AuthorizationDiscovery.authorizationServerMetadataLocations(URI.create("https://as.example.com")))
			.containsExactly(URI.create("https://as.example.com/.well-known/oauth-authorization-server"),
					URI.create("https://as.example.com/.well-known/openid-configuration"));
	}

	@Test
	void aResourceCoversItsOwnUrlAndThoseBelowItOnTheSameOrigin() {
		URI server = URI.create("https://mcp.example.com/api/mcp");
		assertThat(AuthorizationDiscovery.covers("https://mcp.example.com/api/mcp", server)).isTrue();
		assertThat(AuthorizationDiscovery.covers("https://MCP.example.com:443/api/mcp/", server)).isTrue();
		assertThat(AuthorizationDiscovery.covers("https://mcp.example.com", server)).isTrue();
		assertThat(AuthorizationDiscovery.covers("https://mcp.example.com/api", server)).isTrue();
		assertThat(AuthorizationDiscovery.covers("https://mcp.example.com/ap", server)).isFalse();
		assertThat(AuthorizationDiscovery.covers("https://mcp.example.com/api/mcp/admin", server)).isFalse();
		assertThat(AuthorizationDiscovery.covers("http://mcp.example.com/api/mcp", server)).isFalse();
		assertThat(AuthorizationDiscovery.covers("https://evil.example.com/api/mcp", server)).isFalse();
		assertThat(AuthorizationDiscovery.covers("https://mcp.example.com:8443/api/mcp", server)).isFalse();
		assertThat(AuthorizationDiscovery.covers("not a url", server)).isFalse();
	}

}
