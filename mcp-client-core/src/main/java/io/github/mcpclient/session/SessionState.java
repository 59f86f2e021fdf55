package io.github.mcpclient.session;

/**
 * Where a connection is in its life.
 *
 * @since 0.1.0
 */
public enum SessionState {

	/** Nothing has been sent yet. */
	NEW,

	/** The initialize handshake is under way. */
	INITIALIZING,

	/** The handshake completed; requests flow. */
	READY,

	/** The server forgot the session; the next call starts a new one. */
	EXPIRED,

	/** The client ended the session; the next call starts a new one. */
	CLOSED,

	/** The last handshake failed; the next call tries again. */
	FAILED

}
