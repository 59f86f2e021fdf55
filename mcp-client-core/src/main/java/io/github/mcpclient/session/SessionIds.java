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

	/** The longest session id the client accepts from a server. */
	public static final int MAX_LENGTH = 1024;

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
	 * Why a session id a server assigned cannot be used, if it cannot: the specification
	 * allows only visible ASCII, and the client bounds its length, since the id goes out
	 * with every request.
	 * @param sessionId the id as the server sent it
	 * @return the reason, which never quotes the id, or {@code null} if the id is fine
	 * @see <a href=
	 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management">Session
	 * management</a>
	 */
	public static @Nullable String problemWith(String sessionId) {
		if (sessionId.length() > MAX_LENGTH) {
			return "it is " + sessionId.length() + " characters long, more than " + MAX_LENGTH;
		}
		for (int i = 0; i < sessionId.length(); i++) {
			char c = sessionId.charAt(i);
			if (c < 0x21 || c > 0x7E) {
				return "character " + (i + 1) + " of " + sessionId.length() + " is not visible ASCII (0x21-0x7E)";
			}
		}
		return null;
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
