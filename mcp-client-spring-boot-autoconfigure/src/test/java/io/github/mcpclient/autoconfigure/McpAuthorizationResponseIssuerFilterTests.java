package io.github.mcpclient.autoconfigure;

import java.util.Map;

import io.github.mcpclient.auth.OAuthAuthorization;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The RFC 9207 check of an MCP connection's authorization response, before Spring
 * Security redeems its code.
 */
class McpAuthorizationResponseIssuerFilterTests {

	static final String ISSUER = "https://as.example";

	private static final String REGISTRATION_ID = "notes@" + ISSUER;

	private final HttpSessionOAuth2AuthorizationRequestRepository requests = new HttpSessionOAuth2AuthorizationRequestRepository();

	@Test
	void aMatchingIssuerPasses() throws Exception {
		assertThat(callback(true, ISSUER).getStatus()).isEqualTo(200);
	}

	@Test
	void anotherIssuerIsRefusedAndTheCodeCanNeverBeRedeemed() throws Exception {
		MockHttpServletResponse response = callback(false, "https://evil.example");
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getErrorMessage()).doesNotContain("evil");
	}

	@Test
	void aMissingIssuerIsRefusedWhenTheServerAdvertisesIt() throws Exception {
		assertThat(callback(true, null).getStatus()).isEqualTo(400);
	}

	@Test
	void aMissingIssuerPassesWhenTheServerDoesNotAdvertiseIt() throws Exception {
		assertThat(callback(false, null).getStatus()).isEqualTo(200);
	}

	private MockHttpServletResponse callback(boolean advertised, String iss) throws Exception {
		McpWebRegistrations registrations = registrations(advertised);
		MockHttpSession session = new MockHttpSession();
		MockHttpServletRequest authorize = new MockHttpServletRequest();
		authorize.setSession(session);
		this.requests.saveAuthorizationRequest(pendingRequest(), authorize, new MockHttpServletResponse());
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login/oauth2/code/notes");
		request.setSession(session);
		request.setParameter("code", "the-code");
		request.setParameter("state", "the-state");
		if (iss != null) {
			request.setParameter("iss", iss);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		new McpAuthorizationResponseIssuerFilter(this.requests, registrations).doFilter(request, response,
				new MockFilterChain());
		if (response.getStatus() == 400) {
			assertThat(this.requests.loadAuthorizationRequest(request)).isNull();
		}
		return response;
	}

	/**
	 * The registrations of a web application with one MCP connection's.
	 * @param advertised whether its authorization server says it sends {@code iss}
	 * @return the registrations
	 */
	static McpWebRegistrations registrations(boolean advertised) {
		ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.clientId("web-client")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("https://app.example/login/oauth2/code/notes")
			.authorizationUri(ISSUER + "/authorize")
			.tokenUri(ISSUER + "/token")
			.issuerUri(ISSUER)
			.providerConfigurationMetadata(Map.of(OAuthAuthorization.ISS_PARAMETER_SUPPORTED, advertised))
			.build();
		McpWebRegistrations registrations = new McpWebRegistrations();
		registrations.add((id) -> Mono.justOrEmpty(REGISTRATION_ID.equals(id) ? registration : null),
				"{baseUrl}/login/oauth2/code/notes");
		return registrations;
	}

	/**
	 * The authorization request of that connection the response answers.
	 * @return the request, with state {@code the-state}
	 */
	static OAuth2AuthorizationRequest pendingRequest() {
		return OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri(ISSUER + "/authorize")
			.clientId("web-client")
			.redirectUri("https://app.example/login/oauth2/code/notes")
			.state("the-state")
			.attributes((attributes) -> attributes.put(OAuth2ParameterNames.REGISTRATION_ID, REGISTRATION_ID))
			.build();
	}

}
