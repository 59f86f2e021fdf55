package io.github.mcpclient.autoconfigure;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Serves the Client ID Metadata Documents of a reactive web application's
 * authorization-code connections, each at the path of its {@code client-metadata-url},
 * without authentication: the authorization server fetches it to learn who the client is.
 * Runs before Spring Security's filter chain.
 */
final class McpClientMetadataWebFilter implements WebFilter, Ordered {

	private final McpClientMetadataDocuments documents;

	McpClientMetadataWebFilter(McpClientMetadataDocuments documents) {
		this.documents = documents;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		byte[] document = this.documents.find(request.getMethod().name(),
				request.getPath().pathWithinApplication().value());
		if (document == null) {
			return chain.filter(exchange);
		}
		ServerHttpResponse response = exchange.getResponse();
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.getHeaders().setCacheControl(McpClientMetadataDocuments.CACHE_CONTROL);
		response.getHeaders().setContentLength(document.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(document)));
	}

	@Override
	public int getOrder() {
		return McpReactiveAuthorizationResponseIssuerFilter.ORDER;
	}

}
