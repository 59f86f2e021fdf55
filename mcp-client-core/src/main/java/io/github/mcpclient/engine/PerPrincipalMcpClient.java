package io.github.mcpclient.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.ReactiveMcpClient;
import io.github.mcpclient.auth.McpAuthorization;
import io.github.mcpclient.exception.McpAuthorizationException;
import io.github.mcpclient.protocol.CallToolResult;
import io.github.mcpclient.protocol.CompleteRequest;
import io.github.mcpclient.protocol.CompleteResult;
import io.github.mcpclient.protocol.GetPromptResult;
import io.github.mcpclient.protocol.InitializeResult;
import io.github.mcpclient.protocol.ListPromptsResult;
import io.github.mcpclient.protocol.ListResourceTemplatesResult;
import io.github.mcpclient.protocol.ListResourcesResult;
import io.github.mcpclient.protocol.ListToolsResult;
import io.github.mcpclient.protocol.LoggingLevel;
import io.github.mcpclient.protocol.McpMethods;
import io.github.mcpclient.protocol.ProgressNotification;
import io.github.mcpclient.protocol.Prompt;
import io.github.mcpclient.protocol.ReadResourceResult;
import io.github.mcpclient.protocol.Resource;
import io.github.mcpclient.protocol.ResourceTemplate;
import io.github.mcpclient.protocol.Tool;
import io.github.mcpclient.session.McpSession;
import io.github.mcpclient.session.McpSessionStatistics;
import io.github.mcpclient.session.SessionState;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A connection whose authorization differs per user: one session per principal, each a
 * client of its own, so that a session established with one user's token never carries
 * another user's call. The principal of a call comes from its Reactor context. Sessions
 * are bounded by {@link McpClientSettings.UserSessions}: the least recently used one is
 * ended when a new user would exceed the maximum, and any left idle too long is ended by
 * a periodic sweep; ending a session tells the server (a DELETE in the legacy era).
 */
final class PerPrincipalMcpClient implements ReactiveMcpClient {

	private static final Log logger = LogFactory.getLog(PerPrincipalMcpClient.class);

	private final McpClientSettings settings;

	private final McpAuthorization authorization;

	private final Function<String, ReactiveMcpClient> sessionFactory;

	private final Clock clock;

	private final Scheduler sweepScheduler;

	private final Map<String, UserSession> sessions = new ConcurrentHashMap<>();

	// Counters of the sessions already ended, so the connection's add up over its life.
	private final Totals ended = new Totals();

	private @Nullable Disposable sweeper;

	PerPrincipalMcpClient(McpClientSettings settings, McpAuthorization authorization,
			Function<String, ReactiveMcpClient> sessionFactory, Clock clock, Scheduler sweepScheduler) {
		this.settings = settings;
		this.authorization = authorization;
		this.sessionFactory = sessionFactory;
		this.clock = clock;
		this.sweepScheduler = sweepScheduler;
	}

	PerPrincipalMcpClient(McpClientSettings settings, McpAuthorization authorization,
			Function<String, ReactiveMcpClient> sessionFactory) {
		this(settings, authorization, sessionFactory, Clock.systemUTC(), Schedulers.parallel());
	}

	@Override
	public String name() {
		return this.settings.connectionName();
	}

	@Override
	public Mono<InitializeResult> initialize() {
		return routed(McpMethods.INITIALIZE, ReactiveMcpClient::initialize);
	}

	@Override
	public Mono<Void> ping() {
		return routed(McpMethods.PING, ReactiveMcpClient::ping);
	}

	@Override
	public Mono<ListToolsResult> listTools(@Nullable String cursor) {
		return routed(McpMethods.TOOLS_LIST, (client) -> client.listTools(cursor));
	}

	@Override
	public Flux<Tool> listAllTools() {
		return routedMany(McpMethods.TOOLS_LIST, ReactiveMcpClient::listAllTools);
	}

	@Override
	public Mono<CallToolResult> callTool(String name, Map<String, ?> arguments) {
		return routed(McpMethods.TOOLS_CALL, (client) -> client.callTool(name, arguments));
	}

	@Override
	public Mono<CallToolResult> callTool(String name, Map<String, ?> arguments,
			Consumer<ProgressNotification> progressListener) {
		return routed(McpMethods.TOOLS_CALL, (client) -> client.callTool(name, arguments, progressListener));
	}

	@Override
	public Mono<ListResourcesResult> listResources(@Nullable String cursor) {
		return routed(McpMethods.RESOURCES_LIST, (client) -> client.listResources(cursor));
	}

	@Override
	public Flux<Resource> listAllResources() {
		return routedMany(McpMethods.RESOURCES_LIST, ReactiveMcpClient::listAllResources);
	}

	@Override
	public Mono<ListResourceTemplatesResult> listResourceTemplates(@Nullable String cursor) {
		return routed(McpMethods.RESOURCES_TEMPLATES_LIST, (client) -> client.listResourceTemplates(cursor));
	}

	@Override
	public Flux<ResourceTemplate> listAllResourceTemplates() {
		return routedMany(McpMethods.RESOURCES_TEMPLATES_LIST, ReactiveMcpClient::listAllResourceTemplates);
	}

	@Override
	public Mono<ReadResourceResult> readResource(String uri) {
		return routed(McpMethods.RESOURCES_READ, (client) -> client.readResource(uri));
	}

	@Override
	public Mono<ListPromptsResult> listPrompts(@Nullable String cursor) {
		return routed(McpMethods.PROMPTS_LIST, (client) -> client.listPrompts(cursor));
	}

	@Override
	public Flux<Prompt> listAllPrompts() {
		return routedMany(McpMethods.PROMPTS_LIST, ReactiveMcpClient::listAllPrompts);
	}

	@Override
	public Mono<GetPromptResult> getPrompt(String name, Map<String, String> arguments) {
		return routed(McpMethods.PROMPTS_GET, (client) -> client.getPrompt(name, arguments));
	}

	@Override
	public Mono<CompleteResult> complete(CompleteRequest request) {
		return routed(McpMethods.COMPLETION_COMPLETE, (client) -> client.complete(request));
	}

	@Override
	public Mono<Void> setLoggingLevel(LoggingLevel level) {
		return routed(McpMethods.LOGGING_SET_LEVEL, (client) -> client.setLoggingLevel(level));
	}

	@Override
	public <T> Mono<T> request(String method, @Nullable Object params, Class<T> resultType) {
		return routed(method, (client) -> client.request(method, params, resultType));
	}

	@Override
	public Mono<Void> notify(String method, @Nullable Object params) {
		return routed(method, (client) -> client.notify(method, params));
	}

	/**
	 * A snapshot for the whole connection: ready when any user's session is, with what
	 * the most recently used ready session learned of the server, and never a session id,
	 * since each user's is their own.
	 */
	@Override
	public McpSession session() {
		McpSession latest = this.sessions.values()
			.stream()
			.map((session) -> session.client.session())
			.filter((session) -> session.state() == SessionState.READY)
			.max(Comparator
				.comparing((session) -> (session.lastActivityAt() != null) ? session.lastActivityAt() : Instant.EPOCH))
			.orElse(null);
		if (latest == null) {
			return McpSession.initial(this.settings.connectionName(), this.settings.url());
		}
		return new McpSession(latest.connectionName(), latest.url(), latest.state(), latest.era(),
				latest.protocolVersion(), null, latest.serverInfo(), latest.serverCapabilities(), latest.instructions(),
				null, latest.lastActivityAt());
	}

	@Override
	public McpSessionStatistics statistics() {
		Totals totals = new Totals();
		totals.add(this.ended.snapshot());
		List<UserSession> live = new ArrayList<>(this.sessions.values());
		live.forEach((session) -> totals.add(session.client.statistics()));
		McpSessionStatistics sum = totals.snapshot();
		return new McpSessionStatistics(sum.requests(), sum.failures(), sum.reinitializations(), sum.lastError(),
				sum.retries(), live.size());
	}

	@Override
	public Mono<Void> close() {
		return Mono.defer(() -> {
			stopSweeper();
			List<Mono<Void>> closing = new ArrayList<>();
			for (String principal : List.copyOf(this.sessions.keySet())) {
				UserSession session = this.sessions.remove(principal);
				if (session != null) {
					closing.add(end(session));
				}
			}
			return Mono.when(closing);
		});
	}

	/**
	 * End every session left idle longer than the idle timeout. Runs periodically while
	 * the connection has sessions.
	 */
	void endIdleSessions() {
		Instant cutoff = this.clock.instant().minus(this.settings.userSessions().idleTimeout());
		int count = 0;
		for (String principal : List.copyOf(this.sessions.keySet())) {
			UserSession removed = removeIf(principal, (session) -> session.isIdleSince(cutoff));
			if (removed != null) {
				end(removed).subscribe();
				count++;
			}
		}
		if (count > 0 && logger.isDebugEnabled()) {
			logger.debug("Connection '" + name() + "' ended " + count + " idle user session(s); " + this.sessions.size()
					+ " left");
		}
		if (this.sessions.isEmpty()) {
			stopSweeper();
		}
	}

	private <T> Mono<T> routed(String method, Function<ReactiveMcpClient, Mono<T>> operation) {
		return Mono.deferContextual((context) -> this.authorization.principal(context)
			.switchIfEmpty(Mono.error(() -> noPrincipal(method)))
			.flatMap((principal) -> {
				UserSession session = acquire(principal);
				return operation.apply(session.client).doFinally((signal) -> release(session));
			}));
	}

	private <T> Flux<T> routedMany(String method, Function<ReactiveMcpClient, Flux<T>> operation) {
		return Flux.deferContextual((context) -> this.authorization.principal(context)
			.switchIfEmpty(Mono.error(() -> noPrincipal(method)))
			.flatMapMany((principal) -> {
				UserSession session = acquire(principal);
				return operation.apply(session.client).doFinally((signal) -> release(session));
			}));
	}

	// A caller may hear its result before this runs, and start a call for another user
	// that found every session busy: the bound is enforced again as calls finish.
	private void release(UserSession session) {
		session.release(this.clock.instant());
		if (this.sessions.size() > this.settings.userSessions().maxSessions()) {
			endLeastRecentlyUsedBeyondMaximum(null);
		}
	}

	private UserSession acquire(String principal) {
		AtomicInteger created = new AtomicInteger();
		UserSession session = this.sessions.compute(principal, (key, existing) -> {
			UserSession current = existing;
			if (current == null) {
				current = new UserSession(this.sessionFactory.apply(key), this.clock.instant());
				created.incrementAndGet();
			}
			current.acquire();
			return current;
		});
		if (created.get() > 0) {
			endLeastRecentlyUsedBeyondMaximum(session);
			startSweeper();
		}
		return session;
	}

	private void endLeastRecentlyUsedBeyondMaximum(@Nullable UserSession keep) {
		int max = this.settings.userSessions().maxSessions();
		while (this.sessions.size() > max) {
			Map.Entry<String, UserSession> oldest = this.sessions.entrySet()
				.stream()
				.filter((entry) -> entry.getValue() != keep && entry.getValue().isIdle())
				.min(Comparator.comparing((entry) -> entry.getValue().lastUsed()))
				.orElse(null);
			if (oldest == null) {
				// Every other session is busy; the bound is met again as they finish.
				return;
			}
			UserSession removed = removeIf(oldest.getKey(),
					(session) -> session == oldest.getValue() && session.isIdle());
			if (removed != null) {
				if (logger.isDebugEnabled()) {
					logger.debug("Connection '" + name() + "' ended its least recently used user session to stay"
							+ " within " + max + " sessions");
				}
				end(removed).subscribe();
			}
		}
	}

	// Remove a principal's session if the condition holds, atomically with any call that
	// would take it up at the same time.
	private @Nullable UserSession removeIf(String principal, Predicate<UserSession> condition) {
		AtomicReference<@Nullable UserSession> removed = new AtomicReference<>();
		this.sessions.computeIfPresent(principal, (key, session) -> {
			if (condition.test(session)) {
				removed.set(session);
				return null;
			}
			return session;
		});
		return removed.get();
	}

	private Mono<Void> end(UserSession session) {
		return session.client.close()
			.doOnError((ex) -> logger
				.debug("Connection '" + name() + "' could not end a user session cleanly: " + ex.getMessage()))
			.onErrorComplete()
			.doFinally((signal) -> this.ended.add(session.client.statistics()));
	}

	private synchronized void startSweeper() {
		if (this.sweeper == null || this.sweeper.isDisposed()) {
			Duration idle = this.settings.userSessions().idleTimeout();
			Duration period = idle.dividedBy(2).compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
					: idle.dividedBy(2);
			this.sweeper = Flux.interval(period, period, this.sweepScheduler).subscribe((tick) -> endIdleSessions());
		}
	}

	private synchronized void stopSweeper() {
		if (this.sweeper != null) {
			this.sweeper.dispose();
			this.sweeper = null;
		}
	}

	private McpAuthorizationException noPrincipal(String method) {
		return new McpAuthorizationException(name(), method, 0,
				"the connection authorizes each user, and this call has no signed-in user", null, null, List.of());
	}

	@Override
	public String toString() {
		return "PerPrincipalMcpClient[" + name() + ", " + this.sessions.size() + " user sessions]";
	}

	private static final class UserSession {

		private final ReactiveMcpClient client;

		private final AtomicInteger inFlight = new AtomicInteger();

		private volatile Instant lastUsed;

		UserSession(ReactiveMcpClient client, Instant now) {
			this.client = client;
			this.lastUsed = now;
		}

		void acquire() {
			this.inFlight.incrementAndGet();
		}

		void release(Instant now) {
			this.lastUsed = now;
			this.inFlight.decrementAndGet();
		}

		Instant lastUsed() {
			return this.lastUsed;
		}

		boolean isIdle() {
			return this.inFlight.get() == 0;
		}

		boolean isIdleSince(Instant cutoff) {
			return isIdle() && this.lastUsed.isBefore(cutoff);
		}

	}

	// Sums of counters; the last error is the most recent one.
	private static final class Totals {

		private long requests;

		private long failures;

		private long reinitializations;

		private long retries;

		private McpSessionStatistics.@Nullable LastError lastError;

		synchronized void add(McpSessionStatistics statistics) {
			this.requests += statistics.requests();
			this.failures += statistics.failures();
			this.reinitializations += statistics.reinitializations();
			this.retries += statistics.retries();
			McpSessionStatistics.LastError error = statistics.lastError();
			if (error != null && (this.lastError == null || error.at().isAfter(this.lastError.at()))) {
				this.lastError = error;
			}
		}

		synchronized McpSessionStatistics snapshot() {
			return new McpSessionStatistics(this.requests, this.failures, this.reinitializations, this.lastError,
					this.retries);
		}

	}

}
