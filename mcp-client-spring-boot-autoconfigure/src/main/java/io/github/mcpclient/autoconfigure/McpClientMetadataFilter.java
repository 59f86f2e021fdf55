package io.github.mcpclient.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the Client ID Metadata Documents of a servlet web application's
 * authorization-code connections, each at the path of its {@code client-metadata-url},
 * without authentication: the authorization server fetches it to learn who the client is.
 */
final class McpClientMetadataFilter extends OncePerRequestFilter {

	private final McpClientMetadataDocuments documents;

	McpClientMetadataFilter(McpClientMetadataDocuments documents) {
		this.documents = documents;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] document = this.documents.find(request.getMethod(),
				request.getRequestURI().substring(request.getContextPath().length()));
		if (document == null) {
			chain.doFilter(request, response);
			return;
		}
		response.setContentType("application/json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader("Cache-Control", McpClientMetadataDocuments.CACHE_CONTROL);
		response.setContentLength(document.length);
		response.getOutputStream().write(document);
	}

}
