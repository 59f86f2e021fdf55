package io.github.mcpclient.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.client.endpoint.NimbusJwtClientAuthenticationParametersConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveClientCredentialsTokenResponseClient;
import org.springframework.util.ClassUtils;

/**
 * Client authentication with a signed JWT assertion ({@code private_key_jwt}), with
 * Spring Security's own converter; needs {@code spring-security-oauth2-jose}.
 */
final class ClientAssertions {

	private static final String JOSE = "org.springframework.security.oauth2.jwt.NimbusJwtEncoder";

	private ClientAssertions() {
	}

	static void configure(McpAuthorizationSettings settings,
			WebClientReactiveClientCredentialsTokenResponseClient tokenClient) {
		if (settings.clientAuthenticationMethod() != McpClientProperties.ClientAuthenticationMethod.PRIVATE_KEY_JWT) {
			return;
		}
		String property = settings.property() + "client-authentication-method";
		if (!ClassUtils.isPresent(JOSE, ClientAssertions.class.getClassLoader())) {
			throw new InvalidConfigurationPropertyValueException(property, "private-key-jwt",
					"Signing client assertions needs org.springframework.security:spring-security-oauth2-jose on "
							+ "the classpath.");
		}
		Resource location = settings.privateKey();
		if (location == null) {
			throw new InvalidConfigurationPropertyValueException(settings.property() + "private-key-location", null,
					"The client authentication method 'private-key-jwt' needs a private key.");
		}
		JWK key = rsaKey(location, settings.property() + "private-key-location");
		tokenClient.addParametersConverter(
				new NimbusJwtClientAuthenticationParametersConverter<OAuth2ClientCredentialsGrantRequest>(
						(registration) -> key));
	}

	private static JWK rsaKey(Resource location, String property) {
		try (InputStream in = location.getInputStream()) {
			RSAPrivateKey privateKey = RsaKeyConverters.pkcs8().convert(in);
			if (!(privateKey instanceof RSAPrivateCrtKey crtKey)) {
				throw new InvalidConfigurationPropertyValueException(property, location,
						"The key must be an RSA private key with its public exponent (PKCS#8).");
			}
			RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(crtKey.getModulus(), crtKey.getPublicExponent()));
			RSAKey key = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
			return new RSAKey.Builder(key).keyIDFromThumbprint().build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the private key at " + location, ex);
		}
		catch (GeneralSecurityException | com.nimbusds.jose.JOSEException | IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(property, location,
					"Not a PEM-encoded PKCS#8 RSA private key.");
		}
	}

}
