package io.github.mcpclient.auth;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.endpoint.JwtBearerGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The assertions of the JWT bearer grant: obtained for an authorization server's issuer
 * and the MCP server's resource from the application's source (a platform's workload
 * identity token, or an enterprise identity provider's grant for the user) and read,
 * without verifying them, into the form Spring Security's token client sends. The
 * authorization server is the one that verifies them.
 */
final class JwtAssertions {

	private final BiFunction<String, String, Mono<String>> source;

	JwtAssertions(BiFunction<String, String, Mono<String>> source) {
		this.source = source;
	}

	Mono<JwtBearerGrantRequest> grantRequest(ClientRegistration registration) {
		String issuer = registration.getProviderDetails().getIssuerUri();
		Object resource = registration.getProviderDetails().getConfigurationMetadata().get(TokenRequests.RESOURCE);
		return this.source
			.apply((issuer != null) ? issuer : registration.getProviderDetails().getTokenUri(),
					String.valueOf(resource))
			.map((assertion) -> new JwtBearerGrantRequest(registration, read(assertion)));
	}

	static Jwt read(String assertion) {
		try {
			JWT jwt = JWTParser.parse(assertion);
			Map<String, Object> headers = new LinkedHashMap<>(jwt.getHeader().toJSONObject());
			Map<String, Object> claims = new LinkedHashMap<>(jwt.getJWTClaimsSet().getClaims());
			claims.replaceAll((name, value) -> (value instanceof Date date) ? date.toInstant() : value);
			Date issued = jwt.getJWTClaimsSet().getIssueTime();
			Date expires = jwt.getJWTClaimsSet().getExpirationTime();
			if (claims.isEmpty()) {
				claims.put("sub", "");
			}
			return new Jwt(assertion, (issued != null) ? issued.toInstant() : null,
					(expires != null) ? expires.toInstant() : Instant.MAX, headers, claims);
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException("The assertion is not a JWT", ex);
		}
	}

}
