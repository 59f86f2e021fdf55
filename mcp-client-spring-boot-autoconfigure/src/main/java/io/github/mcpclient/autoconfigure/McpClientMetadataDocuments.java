package io.github.mcpclient.autoconfigure;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Client ID Metadata Documents of a web application's authorization-code connections,
 * by the path each is served at: the path of its {@code client-metadata-url}. The
 * document's {@code client_id} is the URL it is served at.
 */
final class McpClientMetadataDocuments {

	/** How long an authorization server may keep a document. */
	static final String CACHE_CONTROL = "max-age=3600";

	private final Map<String, byte[]> documents = new LinkedHashMap<>();

	McpClientMetadataDocuments(List<Document> documents) {
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

	/**
	 * The JSON document served at a path.
	 * @param method the request's method
	 * @param path the request's path within the application
	 * @return the document, or {@code null} when the request is not for one
	 */
	byte @Nullable [] find(String method, String path) {
		return "GET".equals(method) ? this.documents.get(path) : null;
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
