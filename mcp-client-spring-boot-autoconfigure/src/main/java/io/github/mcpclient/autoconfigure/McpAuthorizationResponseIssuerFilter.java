package io.github.mcpclient.autoconfigure;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks the {@code iss} of an authorization response for an MCP connection (RFC 9207)
 * before Spring Security's callback filter redeems its code: when present it must be the
 * issuer of the authorization server the request went to, character for character, and it
 * must be present when that server says it sends it. A response that fails is refused
 * with a 400, and the pending authorization request is dropped so that its code can never
 * be redeemed.
 */
final class McpAuthorizationResponseIssuerFilter extends OncePerRequestFilter {

	private static final Log logger = LogFactory.getLog(McpAuthorizationResponseIssuerFilter.class);

	private final AuthorizationRequestRepository<OAuth2AuthorizationRequest> authorizationRequests;

	private final McpWebRegistrations registrations;

	McpAuthorizationResponseIssuerFilter(
			AuthorizationRequestRepository<OAuth2AuthorizationRequest> authorizationRequests,
			McpWebRegistrations registrations) {
		this.authorizationRequests = authorizationRequests;
		this.registrations = registrations;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String problem = problem(request);
		if (problem != null) {
			logger.info("Refusing an authorization response: " + problem);
			this.authorizationRequests.removeAuthorizationRequest(request, response);
			response.sendError(HttpServletResponse.SC_BAD_REQUEST, "The authorization response is not valid.");
			return;
		}
		chain.doFilter(request, response);
	}

	private @Nullable String problem(HttpServletRequest request) {
		if (!McpWebAuthorizationSupport.isAuthorizationResponse(request::getParameter)) {
			return null;
		}
		OAuth2AuthorizationRequest pending = this.authorizationRequests.loadAuthorizationRequest(request);
		if (pending == null) {
			return null;
		}
		Object registrationId = pending.getAttributes().get(OAuth2ParameterNames.REGISTRATION_ID);
		ClientRegistration registration = (registrationId != null) ? this.registrations.find(registrationId.toString())
				: null;
		// Not an MCP connection's: the application's own registrations are its own.
		return (registration != null) ? McpWebAuthorizationSupport.issuerProblem(registration, request::getParameter)
				: null;
	}

}
