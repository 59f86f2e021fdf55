package io.github.mcpclient.engine;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import io.github.mcpclient.protocol.Implementation;
import io.github.mcpclient.protocol.ProtocolVersion;
import io.github.mcpclient.protocol.ServerCapabilities;
import io.github.mcpclient.session.McpSession;
import io.github.mcpclient.session.McpSessionStatistics;
import io.github.mcpclient.session.SessionState;
import io.github.mcpclient.transport.SessionBinding;
import org.jspecify.annotations.Nullable;

/**
 * The one mutable home of a connection's session state. Every change goes through a
 * transition named for what happened; reads are lock-free snapshots.
 */
final class McpSessionHolder implements SessionBinding {

	private final AtomicReference<McpSession> current;

	private final Clock clock;

	private final AtomicBoolean everEstablished = new AtomicBoolean();

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	private final AtomicLong reinitializations = new AtomicLong();

	private final AtomicLong retries = new AtomicLong();

	private final AtomicReference<McpSessionStatistics.@Nullable LastError> lastError = new AtomicReference<>();

	// Told when the server forgot the session; set only when sessions are observed.
	private volatile @Nullable Runnable onExpiry;

	McpSessionHolder(String connectionName, URI url) {
		this(connectionName, url, Clock.systemUTC());
	}

	McpSessionHolder(String connectionName, URI url, Clock clock) {
		this.current = new AtomicReference<>(McpSession.initial(connectionName, url));
		this.clock = clock;
	}

	/**
	 * The current state.
	 * @return an immutable snapshot
	 */
	@Override
	public McpSession current() {
		return this.current.get();
	}

	/**
	 * The counters kept for this connection.
	 * @return an immutable snapshot of them
	 */
	McpSessionStatistics statistics() {
		return new McpSessionStatistics(this.requests.get(), this.failures.get(), this.reinitializations.get(),
				this.lastError.get(), this.retries.get());
	}

	/**
	 * A handshake starts: whatever session there was is forgotten.
	 */
	void initializing() {
		if (this.everEstablished.get()) {
			this.reinitializations.incrementAndGet();
		}
		update((session) -> cleared(session, SessionState.INITIALIZING));
	}

	/**
	 * The response to {@code initialize} carried a session id. Only the first id of a
	 * handshake is kept: later responses never overwrite it.
	 * @param sessionId the id the server assigned
	 * @return {@code true} if it was stored
	 */
	@Override
	public boolean assigned(String sessionId) {
		McpSession before = this.current
			.getAndUpdate((session) -> canCapture(session) ? withSessionId(session, sessionId) : session);
		return canCapture(before);
	}

	private static boolean canCapture(McpSession session) {
		return session.state() == SessionState.INITIALIZING && session.sessionId() == null;
	}

	/**
	 * The handshake completed.
	 * @param protocolVersion the negotiated protocol version
	 * @param serverInfo the server's identity
	 * @param capabilities what the server offers
	 * @param instructions the server's instructions, if any
	 */
	void established(String protocolVersion, @Nullable Implementation serverInfo,
			@Nullable ServerCapabilities capabilities, @Nullable String instructions) {
		this.everEstablished.set(true);
		update((session) -> new McpSession(session.connectionName(), session.url(), SessionState.READY,
				ProtocolVersion.eraOf(protocolVersion), protocolVersion, session.sessionId(), serverInfo, capabilities,
				instructions, this.clock.instant(), this.clock.instant()));
	}

	/**
	 * The server no longer knows the given session. Nothing changes if a newer session
	 * has replaced it meanwhile, so late failures of old requests cannot end a fresh one.
	 * @param sessionId the id the failed request carried
	 * @return {@code true} if the current session was expired
	 */
	@Override
	public void lost(String sessionId) {
		expire(sessionId);
	}

	boolean expire(String sessionId) {
		McpSession before = this.current.getAndUpdate(
				(session) -> sessionId.equals(session.sessionId()) ? cleared(session, SessionState.EXPIRED) : session);
		boolean expired = sessionId.equals(before.sessionId());
		Runnable listener = this.onExpiry;
		if (expired && listener != null) {
			listener.run();
		}
		return expired;
	}

	/**
	 * Be told when the server forgets the current session.
	 * @param listener what to run
	 */
	void onExpiry(Runnable listener) {
		this.onExpiry = listener;
	}

	/**
	 * The handshake failed; the next call tries again from scratch. The failure itself is
	 * counted by whoever reports it to the caller, through {@link #recordFailure}.
	 */
	void failed() {
		update((session) -> cleared(session, SessionState.FAILED));
	}

	/**
	 * The client ended the session.
	 */
	void closed() {
		update((session) -> cleared(session, SessionState.CLOSED));
	}

	/**
	 * A request went out.
	 */
	void recordRequest() {
		this.requests.incrementAndGet();
	}

	/**
	 * A request is sent again.
	 */
	void recordRetry() {
		this.retries.incrementAndGet();
	}

	/**
	 * An exchange with the server completed. The time is kept to the millisecond: every
	 * call of a busy connection ends here, and a session that already shows activity
	 * within the current millisecond is left as it is rather than replaced by a new
	 * record that every concurrent call would contend to swap in.
	 */
	void recordActivity() {
		long now = this.clock.millis();
		McpSession session = this.current.get();
		Instant last = session.lastActivityAt();
		if (last != null && last.toEpochMilli() == now) {
			return;
		}
		update((current) -> {
			Instant lastActivityAt = current.lastActivityAt();
			return (lastActivityAt != null && lastActivityAt.toEpochMilli() == now) ? current
					: withLastActivityAt(current, Instant.ofEpochMilli(now));
		});
	}

	/**
	 * A call failed.
	 * @param error what went wrong
	 */
	void recordFailure(Throwable error) {
		this.failures.incrementAndGet();
		this.lastError.set(new McpSessionStatistics.LastError(error.getClass().getName(),
				String.valueOf(error.getMessage()), this.clock.instant()));
	}

	private static McpSession withSessionId(McpSession s, @Nullable String sessionId) {
		return new McpSession(s.connectionName(), s.url(), s.state(), s.era(), s.protocolVersion(), sessionId,
				s.serverInfo(), s.serverCapabilities(), s.instructions(), s.establishedAt(), s.lastActivityAt());
	}

	private static McpSession withLastActivityAt(McpSession s, Instant lastActivityAt) {
		return new McpSession(s.connectionName(), s.url(), s.state(), s.era(), s.protocolVersion(), s.sessionId(),
				s.serverInfo(), s.serverCapabilities(), s.instructions(), s.establishedAt(), lastActivityAt);
	}

	private static McpSession cleared(McpSession s, SessionState state) {
		return new McpSession(s.connectionName(), s.url(), state, null, null, null, s.serverInfo(),
				s.serverCapabilities(), s.instructions(), null, s.lastActivityAt());
	}

	private void update(UnaryOperator<McpSession> change) {
		this.current.updateAndGet(change);
	}

}
