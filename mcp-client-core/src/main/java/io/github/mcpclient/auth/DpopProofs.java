package io.github.mcpclient.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.Base64;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

/**
 * DPoP proofs (RFC 9449) of one authorization: signed with its own EC P-256 key, made
 * afresh for every request, and carrying the latest nonce each origin gave. Neither the
 * key nor a proof is ever logged; {@link #toString()} shows neither.
 */
final class DpopProofs {

	/** The request and response header of a proof, and of a server's nonce. */
	static final String HEADER = "DPoP";

	static final String NONCE_HEADER = "DPoP-Nonce";

	/** The error of a server that wants a proof with its nonce. */
	static final String USE_NONCE = "use_dpop_nonce";

	// Origins are few per connection; a server that made up new ones without end
	// should not grow this without end either.
	private static final int NONCE_LIMIT = 64;

	private final ECKey key;

	private final JWSSigner signer;

	private final Map<String, String> nonces = new ConcurrentHashMap<>();

	private DpopProofs(ECKey key) {
		this.key = key;
		try {
			this.signer = new ECDSASigner(key);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not use the DPoP key", ex);
		}
	}

	/**
	 * Proofs made with a new key that lives as long as the authorization.
	 * @return the proofs
	 */
	static DpopProofs ephemeral() {
		try {
			return new DpopProofs(new ECKeyGenerator(Curve.P_256).generate());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not generate a DPoP key", ex);
		}
	}

	/**
	 * A new proof for one request.
	 * @param method the HTTP method
	 * @param url the URL the request goes to; its query and fragment are left out
	 * @param accessToken the access token the request carries, bound by {@code ath}; or
	 * {@code null} for a token request
	 * @return the compact serialized proof
	 */
	String proof(String method, URI url, @Nullable String accessToken) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString())
			.claim("htm", method.toUpperCase(Locale.ROOT))
			.claim("htu", htu(url))
			.issueTime(new Date());
		if (accessToken != null) {
			claims.claim("ath", ath(accessToken));
		}
		String nonce = this.nonces.get(origin(url));
		if (nonce != null) {
			claims.claim("nonce", nonce);
		}
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt"))
			.jwk(this.key.toPublicJWK())
			.build();
		SignedJWT jwt = new SignedJWT(header, claims.build());
		try {
			jwt.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign a DPoP proof", ex);
		}
		return jwt.serialize();
	}

	/**
	 * Remember the nonce a server gave for the next proofs to its origin.
	 * @param url a URL of the server
	 * @param nonce the value of its {@code DPoP-Nonce} header, or {@code null}
	 */
	void nonce(URI url, @Nullable String nonce) {
		if (nonce == null || nonce.isBlank()) {
			return;
		}
		if (this.nonces.size() >= NONCE_LIMIT) {
			this.nonces.clear();
		}
		this.nonces.put(origin(url), nonce.trim());
	}

	@Nullable String nonce(URI url) {
		return this.nonces.get(origin(url));
	}

	/**
	 * The nonce a proof carries.
	 * @param proof the proof, or {@code null}
	 * @return its nonce, or {@code null} if it carries none or is no proof
	 */
	static @Nullable String nonceOf(@Nullable String proof) {
		if (proof == null) {
			return null;
		}
		try {
			Object nonce = SignedJWT.parse(proof).getJWTClaimsSet().getClaim("nonce");
			return (nonce instanceof String value) ? value : null;
		}
		catch (ParseException ex) {
			return null;
		}
	}

	/**
	 * The access token hash of a proof: the base64url SHA-256 of the token's ASCII.
	 * @param accessToken the token
	 * @return the hash
	 */
	static String ath(String accessToken) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(accessToken.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String htu(URI url) {
		String path = (url.getRawPath() != null) ? url.getRawPath() : "";
		return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getRawAuthority().toLowerCase(Locale.ROOT) + path;
	}

	private static String origin(URI url) {
		return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getRawAuthority().toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return "DpopProofs[ES256]";
	}

}
