package io.github.mcpclient.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the Client ID Metadata Documents of a web application's authorization-code
 * connections, each at the path of its {@code client-metadata-url}, without
 * authentication: the authorization server fetches it to learn who the client is. The
 * document's {@code client_id} is the URL it is served at.
 */
final class McpClientMetadataFilter extends OncePerRequestFilter {

	private final Map<String, byte[]> documents = new LinkedHashMap<>();

	McpClientMetadataFilter(List<Document> documents) {
		JsonMapper mapper = JsonMapper.builder().build();
		for (Document document : documents) {
			Map<String, Object> metadata = new LinkedHashMap<>();
			metadata.put("client_id", document.url().toString());
			metadata.put("client_name", document.clientName());
			metadata.put("redirect_uris", List.of(document.redirectUri()));
			metadata.put("grant_types", List.of("authorization_code", "refresh_token"));
			metadata.put("response_types", List.of("code"));
			metadata.put("token_endpoint_auth_method", "none");
			metadata.put("application_type", "web");
			this.documents.put(document.url().getRawPath(), mapper.writeValueAsBytes(metadata));
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] document = "GET".equals(request.getMethod())
				? this.documents.get(request.getRequestURI().substring(request.getContextPath().length())) : null;
		if (document == null) {
			chain.doFilter(request, response);
			return;
		}
		response.setContentType("application/json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader("Cache-Control", "max-age=3600");
		response.setContentLength(document.length);
		response.getOutputStream().write(document);
	}

	/**
	 * One connection's document.
	 *
	 * @param url where it is served, also the client id
	 * @param clientName the client's name
	 * @param redirectUri the connection's absolute redirect URI
	 */
	record Document(URI url, String clientName, String redirectUri) {

	}

}
