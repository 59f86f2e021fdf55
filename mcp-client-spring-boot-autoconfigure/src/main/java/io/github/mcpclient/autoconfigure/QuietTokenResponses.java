package io.github.mcpclient.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.core.codec.Hints;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.web.reactive.function.OAuth2BodyExtractors;
import org.springframework.web.reactive.function.BodyExtractor;

/**
 * Spring Security's token response extractor, told not to log what it decodes: at TRACE
 * level the JSON decoder would otherwise write the whole token response, access and
 * refresh tokens included, to the log.
 */
final class QuietTokenResponses {

	private QuietTokenResponses() {
	}

	static BodyExtractor<Mono<OAuth2AccessTokenResponse>, ReactiveHttpInputMessage> extractor() {
		BodyExtractor<Mono<OAuth2AccessTokenResponse>, ReactiveHttpInputMessage> delegate = OAuth2BodyExtractors
			.oauth2AccessTokenResponse();
		return (message, context) -> delegate.extract(message, new BodyExtractor.Context() {

			@Override
			public List<HttpMessageReader<?>> messageReaders() {
				return context.messageReaders();
			}

			@Override
			public Optional<ServerHttpResponse> serverResponse() {
				return context.serverResponse();
			}

			@Override
			public Map<String, Object> hints() {
				Map<String, Object> hints = new LinkedHashMap<>(context.hints());
				hints.put(Hints.SUPPRESS_LOGGING_HINT, true);
				return hints;
			}

		});
	}

}
