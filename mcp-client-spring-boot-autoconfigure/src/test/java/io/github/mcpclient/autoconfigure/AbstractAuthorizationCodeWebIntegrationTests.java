package io.github.mcpclient.autoconfigure;

import java.net.URI;
import java.util.Map;

import io.github.mcpclient.autoconfigure.testbed.OAuthTestBed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization-code grant of a web application end to end: a real browser's round
 * trip (redirects followed by hand, cookies kept) between the application, which signs
 * its users in with HTTP basic and calls an MCP tool for them, and the test bed's Spring
 * Authorization Server in front of its MCP server. Each kind of web application starts
 * its own.
 */
abstract class AbstractAuthorizationCodeWebIntegrationTests {

	static OAuthTestBed testBed;

	static ConfigurableApplicationContext application;

	static String origin;

	/**
	 * Start the test bed, then the application with its MCP connections to it.
	 * @param builder the application, of its kind of web application
	 * @param properties the properties of that kind
	 */
	static void startApplication(SpringApplicationBuilder builder, String... properties) {
		testBed = OAuthTestBed.start();
		application = builder.properties("spring.main.banner-mode=off", "server.port=0", "server.address=127.0.0.1",
				"management.endpoints.web.exposure.include=mcp", "mcp.client.connections.mcp.url=" + testBed.mcpUrl(),
				"mcp.client.connections.mcp.authorization.grant=authorization-code",
				"mcp.client.connections.mcp.authorization.client-id=" + OAuthTestBed.USER_CLIENT,
				"mcp.client.connections.fresh.url=" + testBed.mcpUrl(),
				"mcp.client.connections.fresh.authorization.grant=authorization-code",
				"mcp.client.connections.fresh.authorization.client-id=" + OAuthTestBed.WEB_CLIENT,
				"mcp.client.connections.fresh.authorization.client-secret=" + OAuthTestBed.WEB_SECRET)
			.properties(properties)
			.run();
		origin = "http://127.0.0.1:" + ((WebServerApplicationContext) application).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		if (application != null) {
			application.close();
			application = null;
		}
		if (testBed != null) {
			testBed.close();
			testBed = null;
		}
	}

	@Test
	void eachUserIsRedirectedToAuthorizeThenSeesTheirOwnData() throws Exception {
		Browser alice = new Browser("alice", testBed, origin);
		Browser bob = new Browser("bob", testBed, origin);

		assertThat(alice.open(origin + "/tools/my_notes")).isEqualTo("notes of alice");
		URI authorization = alice.authorizationRequest();
		Map<String, String> parameters = Browser.query(authorization);
		assertThat(parameters).containsEntry("code_challenge_method", "S256")
			.containsKey("code_challenge")
			.containsEntry("resource", testBed.mcpUrl().toString())
			.containsEntry("client_id", OAuthTestBed.USER_CLIENT);
		assertThat(parameters.get("scope")).contains("mcp.tools");
		// The code was redeemed for the MCP server's resource.
		assertThat(testBed.tokenRequestResources()).contains(testBed.mcpUrl().toString());
		// Alice is authorized now: no more redirects.
		assertThat(alice.open(origin + "/tools/my_notes")).isEqualTo("notes of alice");
		assertThat(alice.redirects()).isZero();

		// Bob has not authorized: he is sent to the authorization server in turn.
		assertThat(bob.open(origin + "/tools/my_notes")).isEqualTo("notes of bob");
		assertThat(bob.authorizationRequest()).isNotNull();

		// Different tokens, different MCP sessions.
		String aliceToken = alice.open(origin + "/tools/echo_authorization");
		String bobToken = bob.open(origin + "/tools/echo_authorization");
		assertThat(aliceToken).startsWith("you sent Bearer ").isNotEqualTo(bobToken);
		String aliceSession = alice.open(origin + "/tools/my_session");
		String bobSession = bob.open(origin + "/tools/my_session");
		assertThat(aliceSession).endsWith(" of alice").doesNotContain("session null");
		assertThat(bobSession).endsWith(" of bob").doesNotContain("session null");
		assertThat(aliceSession.replace(" of alice", "")).isNotEqualTo(bobSession.replace(" of bob", ""));

		// The endpoint counts the users' sessions, and names nobody.
		String endpoint = new Browser(null, testBed, origin).open(origin + "/actuator/mcp");
		assertThat(tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(endpoint)
			.at("/connections/mcp/userSessions")
			.asInt()).isEqualTo(2);
		assertThat(endpoint).doesNotContain("alice").doesNotContain("bob");
	}

	@Test
	void aRevokedTokenSendsTheUserToAuthorizeAgain() throws Exception {
		Browser alice = new Browser("alice", testBed, origin);
		String first = alice.open(origin + "/tools/echo_authorization");
		assertThat(first).startsWith("you sent Bearer ");
		assertThat(testBed.revoke(first.substring("you sent Bearer ".length()))).isTrue();

		// The server refuses the revoked token: the connection forgets it and asks for
		// authorization, so the user goes through the authorization server once more.
		assertThat(alice.open(origin + "/tools/my_notes")).isEqualTo("notes of alice");
		assertThat(alice.authorizationRequest()).isNotNull();
		String second = alice.open(origin + "/tools/echo_authorization");
		assertThat(second).startsWith("you sent Bearer ").isNotEqualTo(first);
		assertThat(alice.redirects()).isZero();
	}

	@Test
	void aTokenNearExpiryIsRefreshedWithoutSendingTheUserAnywhere() throws Exception {
		Browser bob = new Browser("bob", testBed, origin);
		String first = bob.open(origin + "/connections/fresh/echo_authorization");
		assertThat(first).startsWith("you sent Bearer ");
		assertThat(bob.authorizationRequest()).isNotNull();
		int tokenRequests = testBed.tokenRequests();

		// Its tokens live shorter than the margin before expiry: each call refreshes.
		String second = bob.open(origin + "/connections/fresh/echo_authorization");
		assertThat(second).startsWith("you sent Bearer ").isNotEqualTo(first);
		assertThat(bob.redirects()).isZero();
		assertThat(testBed.tokenRequests()).isGreaterThan(tokenRequests);
		assertThat(bob.open(origin + "/connections/fresh/my_notes")).isEqualTo("notes of bob");
	}

}
