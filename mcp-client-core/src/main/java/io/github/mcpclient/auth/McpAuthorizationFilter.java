package io.github.mcpclient.auth;

import java.net.URI;
import java.util.List;

import io.github.mcpclient.exception.AuthenticationChallenge;
import io.github.mcpclient.exception.McpAuthorizationException;
import io.github.mcpclient.transport.McpSessionFilter;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Authorizes one connection's MCP requests: sets the credentials its
 * {@link McpAuthorization} gives on every request, and on a refusal (a 401, or a 403
 * asking for more scope) asks it for new ones and sends the request again. A refusal it
 * has no answer to, or one more than {@link #MAX_SENDS} sends allow, reaches the
 * transport as it came, which reports it as an {@link McpAuthorizationException}.
 * <p>
 * It sits outside the session filter, so a request sent again keeps its session headers.
 * Requests without the {@link McpSessionFilter#METHOD_ATTRIBUTE} attribute are not MCP
 * traffic and pass through untouched.
 *
 * @since 0.2.0
 */
public final class McpAuthorizationFilter implements ExchangeFilterFunction {

	/**
	 * The most times one request is sent: first, after a new authorization, after a
	 * step-up of scope, and once more for a step-up that followed a new authorization.
	 */
	public static final int MAX_SENDS = 4;

	// Enough of a refusal's body for the error report the transport makes of it.
	private static final int KEPT_BODY_BYTES = 4096;

	private final String connectionName;

	private final URI serverUrl;

	private final McpAuthorization authorization;

	private final @Nullable String principal;

	public McpAuthorizationFilter(String connectionName, URI serverUrl, McpAuthorization authorization) {
		this(connectionName, serverUrl, authorization, null);
	}

	/**
	 * A filter for the session of one principal of a per-principal authorization.
	 * @param connectionName the connection's name
	 * @param serverUrl the MCP server's URL
	 * @param authorization the connection's authorization
	 * @param principal the principal every request of this filter is for, or {@code null}
	 */
	public McpAuthorizationFilter(String connectionName, URI serverUrl, McpAuthorization authorization,
			@Nullable String principal) {
		this.connectionName = connectionName;
		this.serverUrl = serverUrl;
		this.authorization = authorization;
		this.principal = principal;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		String method = (String) request.attribute(McpSessionFilter.METHOD_ATTRIBUTE).orElse(null);
		if (method == null) {
			return next.exchange(request);
		}
		return Mono.deferContextual((context) -> {
			AuthorizationRequest authorizationRequest = new AuthorizationRequest(this.connectionName, this.serverUrl,
					method, request.method(), request.url(), context, this.principal);
			return this.authorization.credentials(authorizationRequest)
				.flatMap((credentials) -> send(request, next, authorizationRequest, credentials, 1))
				.switchIfEmpty(Mono.defer(() -> send(request, next, authorizationRequest, null, 1)));
		});
	}

	private Mono<ClientResponse> send(ClientRequest request, ExchangeFunction next,
			AuthorizationRequest authorizationRequest, @Nullable McpCredentials credentials, int sends) {
		ClientRequest authorized = (credentials != null)
				? ClientRequest.from(request).headers((headers) -> credentials.headers().forEach(headers::set)).build()
				: request;
		return next.exchange(authorized).flatMap((response) -> {
			this.authorization.responded(authorizationRequest, response.headers().asHttpHeaders());
			if (sends >= MAX_SENDS || !isRefusal(response)) {
				return Mono.just(response);
			}
			return keptBody(response).flatMap((body) -> {
				McpAuthorizationException refusal = refusal(response, authorizationRequest.mcpMethod());
				return this.authorization.refused(authorizationRequest, credentials, refusal)
					.flatMap((renewed) -> send(request, next, authorizationRequest, renewed, sends + 1))
					.switchIfEmpty(Mono.fromSupplier(() -> response.mutate()
						.body(Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body))))
						.build()));
			});
		});
	}

	private static boolean isRefusal(ClientResponse response) {
		int status = response.statusCode().value();
		if (status == 401) {
			return true;
		}
		if (status != 403) {
			return false;
		}
		List<AuthenticationChallenge> challenges = challenges(response);
		return challenges.stream().anyMatch((challenge) -> "insufficient_scope".equals(challenge.error()));
	}

	private McpAuthorizationException refusal(ClientResponse response, String method) {
		int status = response.statusCode().value();
		return new McpAuthorizationException(this.connectionName, method, status, "HTTP " + status, null, null,
				challenges(response));
	}

	private static List<AuthenticationChallenge> challenges(ClientResponse response) {
		return AuthenticationChallenge.parse(response.headers().header(HttpHeaders.WWW_AUTHENTICATE));
	}

	// Read the start of the refusal's body so the request can be sent again on a
	// connection the body no longer holds, and its excerpt still reaches the error.
	private static Mono<byte[]> keptBody(ClientResponse response) {
		return DataBufferUtils
			.join(DataBufferUtils.takeUntilByteCount(response.bodyToFlux(DataBuffer.class), KEPT_BODY_BYTES))
			.map((buffer) -> {
				try {
					byte[] bytes = new byte[buffer.readableByteCount()];
					buffer.read(bytes);
					return bytes;
				}
				finally {
					DataBufferUtils.release(buffer);
				}
			})
			.defaultIfEmpty(new byte[0])
			.onErrorReturn(new byte[0]);
	}

}
