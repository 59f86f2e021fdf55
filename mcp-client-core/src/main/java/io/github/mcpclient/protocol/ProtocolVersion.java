package io.github.mcpclient.protocol;

import java.util.List;

/**
 * The MCP protocol revisions this client knows, and which of them it speaks.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/versioning">Versioning</a>
 * @since 0.1.0
 */
public final class ProtocolVersion {

	/** The first revision with the Streamable HTTP transport. */
	public static final String V2025_03_26 = "2025-03-26";

	/** Adds the protocol-version header and drops batching. */
	public static final String V2025_06_18 = "2025-06-18";

	/** Adds SSE polling with priming events and {@code retry}. */
	public static final String V2025_11_25 = "2025-11-25";

	/** The first stateless revision. */
	public static final String V2026_07_28 = "2026-07-28";

	/**
	 * Legacy revisions the client accepts from a server, newest first; the first is what
	 * the client offers in {@code initialize}.
	 */
	public static final List<String> LEGACY_SUPPORTED = List.of(V2025_11_25, V2025_06_18, V2025_03_26);

	/**
	 * Modern revisions the client speaks, newest first.
	 */
	public static final List<String> MODERN_SUPPORTED = List.of(V2026_07_28);

	/**
	 * Every revision the client speaks, newest first.
	 */
	public static final List<String> SUPPORTED = List.of(V2026_07_28, V2025_11_25, V2025_06_18, V2025_03_26);

	private ProtocolVersion() {
	}

	/**
	 * The era a revision belongs to. Revision identifiers are dates, so they order as
	 * strings.
	 * @param version a revision identifier such as {@code 2025-11-25}
	 * @return its era
	 */
	public static Era eraOf(String version) {
		return (version.compareTo(V2026_07_28) >= 0) ? Era.MODERN : Era.LEGACY;
	}

	/**
	 * Whether the client speaks a revision.
	 * @param version the revision identifier
	 * @return {@code true} if supported
	 */
	public static boolean isSupported(String version) {
		return SUPPORTED.contains(version);
	}

	/**
	 * Whether the client can speak a revision a server chose in the legacy handshake.
	 * @param version the revision identifier
	 * @return {@code true} if supported
	 */
	public static boolean isSupportedLegacy(String version) {
		return LEGACY_SUPPORTED.contains(version);
	}

}
