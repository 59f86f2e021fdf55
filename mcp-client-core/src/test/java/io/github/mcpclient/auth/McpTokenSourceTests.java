package io.github.mcpclient.auth;

import java.net.URI;
import java.util.List;

import io.github.mcpclient.exception.McpAuthorizationException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpTokenSource#asAuthorization()}.
 */
class McpTokenSourceTests {

	private static final URI URL = URI.create("https://mcp.example.com/mcp");

	private static final AuthorizationRequest REQUEST = new AuthorizationRequest("one", URL, "tools/call",
			HttpMethod.POST, URL, Context.of("user", "alice"));

	@Test
	void sendsTheSourcesTokenAsABearerToken() {
		McpAuthorization authorization = ((McpTokenSource) (request) -> Mono
			.just("token-of-" + request.context().get("user"))).asAuthorization();
		StepVerifier.create(authorization.credentials(REQUEST))
			.expectNext(McpCredentials.bearer("token-of-alice"))
			.verifyComplete();
	}

	@Test
	void sendsNothingWhenTheSourceHasNoToken() {
		StepVerifier.create(((McpTokenSource) (request) -> Mono.empty()).asAuthorization().credentials(REQUEST))
			.verifyComplete();
		StepVerifier.create(((McpTokenSource) (request) -> Mono.just(" ")).asAuthorization().credentials(REQUEST))
			.verifyComplete();
	}

	@Test
	void givesUpOnARefusalAndReportsItsKindOnly() {
		McpAuthorization authorization = ((McpTokenSource) (request) -> Mono.just("secret-token")).asAuthorization();
		McpAuthorizationException refusal = new McpAuthorizationException("one", "tools/call", 401, "HTTP 401", null,
				null, List.of());
		StepVerifier.create(authorization.refused(REQUEST, McpCredentials.bearer("secret-token"), refusal))
			.verifyComplete();
		assertThat(authorization.state().kind()).isEqualTo("bearer-pass-through");
		assertThat(authorization.state().toString()).doesNotContain("secret-token");
	}

}
