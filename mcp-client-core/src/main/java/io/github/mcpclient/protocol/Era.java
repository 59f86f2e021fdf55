package io.github.mcpclient.protocol;

/**
 * The two families of MCP protocol revisions, which differ in how a client connects.
 *
 * @since 0.1.0
 */
public enum Era {

	/**
	 * Revisions up to 2025-11-25: an initialize handshake and optional sessions.
	 */
	LEGACY,

	/**
	 * Revisions from 2026-07-28: stateless, with per-request metadata.
	 */
	MODERN

}
