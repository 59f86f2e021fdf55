package io.github.mcpclient.transport;

import io.github.mcpclient.session.McpSession;

/**
 * What the transport of one connection sees of its session, and the two things it may
 * report: the id the server assigned in answer to {@code initialize}, and that the server
 * no longer knows a session. The client's engine owns the state behind it.
 *
 * @since 0.1.0
 */
public interface SessionBinding {

	/**
	 * The session as it is now.
	 * @return an immutable snapshot
	 */
	McpSession current();

	/**
	 * The response to {@code initialize} carried a session id. Only the first id of a
	 * handshake counts; later ones are ignored.
	 * @param sessionId the id the server assigned
	 * @return {@code true} if it became the session's id
	 */
	boolean assigned(String sessionId);

	/**
	 * The server no longer knows the session a request carried. A newer session that has
	 * replaced it meanwhile is left alone.
	 * @param sessionId the id the failed request carried
	 */
	void lost(String sessionId);

}
