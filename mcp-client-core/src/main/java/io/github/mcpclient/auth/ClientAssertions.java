package io.github.mcpclient.auth;

import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Signs the JWT a client authenticates with under {@code private_key_jwt} (RFC 7523), as
 * the MCP client-credentials extension describes: issued by and about the client, for the
 * authorization server's issuer, short-lived and single-use. Spring Security's own
 * converter needs a complete JWK; this one needs only the private key an operator holds.
 */
final class ClientAssertions {

	static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	private static final Duration LIFETIME = Duration.ofMinutes(5);

	private final JWSSigner signer;

	private final JWSAlgorithm algorithm;

	ClientAssertions(PrivateKey key, String algorithm) {
		this.algorithm = JWSAlgorithm.parse(algorithm);
		try {
			this.signer = (key instanceof ECPrivateKey ec) ? new ECDSASigner(ec) : new RSASSASigner(key);
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("The signing key does not fit " + algorithm, ex);
		}
	}

	<T extends AbstractOAuth2AuthorizationGrantRequest> MultiValueMap<String, String> parameters(T request) {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		ClientRegistration registration = request.getClientRegistration();
		if (!ClientAuthenticationMethod.PRIVATE_KEY_JWT.equals(registration.getClientAuthenticationMethod())) {
			return parameters;
		}
		String issuer = registration.getProviderDetails().getIssuerUri();
		String audience = (issuer != null) ? issuer : registration.getProviderDetails().getTokenUri();
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(registration.getClientId())
			.subject(registration.getClientId())
			.audience(audience)
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(LIFETIME)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(this.algorithm).type(JOSEObjectType.JWT).build(), claims);
		try {
			jwt.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign the client assertion", ex);
		}
		// Spring Security already sends client_id for every method but
		// client_secret_basic; these parameters are added to its, and a second client_id
		// is an invalid request.
		parameters.set("client_assertion_type", ASSERTION_TYPE);
		parameters.set("client_assertion", jwt.serialize());
		return parameters;
	}

}
