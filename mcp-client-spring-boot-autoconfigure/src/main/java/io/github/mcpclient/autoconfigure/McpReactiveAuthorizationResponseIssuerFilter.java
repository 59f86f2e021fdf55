package io.github.mcpclient.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.client.web.server.ServerAuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The reactive counterpart of {@link McpAuthorizationResponseIssuerFilter}: checks the
 * {@code iss} of an authorization response for an MCP connection (RFC 9207) before Spring
 * Security's callback filter redeems its code, and refuses a response that fails with a
 * 400, dropping the pending authorization request so that its code can never be redeemed.
 */
final class McpReactiveAuthorizationResponseIssuerFilter implements WebFilter, Ordered {

	private static final Log logger = LogFactory.getLog(McpReactiveAuthorizationResponseIssuerFilter.class);

	// Before Spring Security's WebFilterChainProxy (-100), whose callback filter redeems
	// the code.
	static final int ORDER = -110;

	private static final byte[] REFUSAL = "The authorization response is not valid.".getBytes(StandardCharsets.UTF_8);

	private final ServerAuthorizationRequestRepository<OAuth2AuthorizationRequest> authorizationRequests;

	private final McpWebRegistrations registrations;

	McpReactiveAuthorizationResponseIssuerFilter(
			ServerAuthorizationRequestRepository<OAuth2AuthorizationRequest> authorizationRequests,
			McpWebRegistrations registrations) {
		this.authorizationRequests = authorizationRequests;
		this.registrations = registrations;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		MultiValueMap<String, String> parameters = exchange.getRequest().getQueryParams();
		if (!McpWebAuthorizationSupport.isAuthorizationResponse(parameters::getFirst)) {
			return chain.filter(exchange);
		}
		return this.authorizationRequests.loadAuthorizationRequest(exchange)
			.mapNotNull((pending) -> pending.getAttributes().get(OAuth2ParameterNames.REGISTRATION_ID))
			// Not an MCP connection's: the application's own registrations are its own.
			.flatMap((registrationId) -> this.registrations.findReactive(registrationId.toString()))
			.mapNotNull((registration) -> McpWebAuthorizationSupport.issuerProblem(registration, parameters::getFirst))
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((problem) -> problem.isPresent() ? refuse(exchange, problem.get()) : chain.filter(exchange));
	}

	private Mono<Void> refuse(ServerWebExchange exchange, String problem) {
		logger.info("Refusing an authorization response: " + problem);
		return this.authorizationRequests.removeAuthorizationRequest(exchange).then(Mono.defer(() -> {
			ServerHttpResponse response = exchange.getResponse();
			response.setStatusCode(HttpStatus.BAD_REQUEST);
			response.getHeaders().setContentType(MediaType.TEXT_PLAIN);
			return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(REFUSAL)));
		}));
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
