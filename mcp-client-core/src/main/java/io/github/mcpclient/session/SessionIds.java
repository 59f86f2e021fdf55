package io.github.mcpclient.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * Renderings of a session id that are safe to log or show: the id is a bearer secret for
 * the session, so it never appears in full.
 *
 * @since 0.1.0
 */
public final class SessionIds {

	private static final int SHOWN_PREFIX = 4;

	private SessionIds() {
	}

	/**
	 * Mask a session id, keeping a short prefix so an operator can tell ids apart.
	 * @param sessionId the session id or {@code null}
	 * @return the masked form, or {@code "none"} when there is no id
	 */
	public static String mask(@Nullable String sessionId) {
		if (sessionId == null) {
			return "none";
		}
		if (sessionId.length() <= SHOWN_PREFIX * 2) {
			return "****";
		}
		return sessionId.substring(0, SHOWN_PREFIX) + "****";
	}

	/**
	 * A short, non-reversible fingerprint of a session id, so two reads can be compared
	 * without revealing it.
	 * @param sessionId the session id
	 * @return the first 12 hex digits of its SHA-256 digest
	 */
	public static String fingerprint(String sessionId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

}
