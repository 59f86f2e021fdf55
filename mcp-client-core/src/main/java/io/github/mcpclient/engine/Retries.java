package io.github.mcpclient.engine;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.exception.McpConnectException;
import io.github.mcpclient.exception.McpServerBusyException;
import io.github.mcpclient.exception.McpTransportException;
import io.github.mcpclient.protocol.McpMethods;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Sends one exchange again when that cannot surprise the server, and only while the
 * request's deadline leaves room for the wait: always when the request never reached the
 * server, and for requests without side effects also when the server asked the client to
 * come back later or the exchange broke off. Every retry is counted and logged.
 */
final class Retries {

	private static final Log logger = LogFactory.getLog(Retries.class);

	// Methods a server answers the same way however often it sees them.
	private static final Set<String> SAFE = Set.of(McpMethods.INITIALIZE, McpMethods.PING, McpMethods.SERVER_DISCOVER,
			McpMethods.TOOLS_LIST, McpMethods.RESOURCES_LIST, McpMethods.RESOURCES_TEMPLATES_LIST,
			McpMethods.RESOURCES_READ, McpMethods.PROMPTS_LIST, McpMethods.PROMPTS_GET, McpMethods.COMPLETION_COMPLETE);

	private final String connectionName;

	private final McpClientSettings.Retry settings;

	private final McpSessionHolder holder;

	Retries(String connectionName, McpClientSettings.Retry settings, McpSessionHolder holder) {
		this.connectionName = connectionName;
		this.settings = settings;
		this.holder = holder;
	}

	/**
	 * Repeat an exchange while it fails in a way worth repeating and the deadline allows.
	 * @param <T> the result type
	 * @param exchange the exchange; each subscription sends it anew
	 * @param method the method it carries
	 * @param timeout the time the whole request has, from now
	 * @return the exchange with retries; it fails with the last failure when they end
	 */
	<T> Mono<T> around(Mono<T> exchange, String method, Duration timeout) {
		if (!this.settings.enabled()) {
			return exchange;
		}
		// One resume-on-error per attempt rather than retryWhen(), which builds a
		// companion flux, a sink and two subscribers for every call, though nearly every
		// call succeeds the first time.
		return Mono.defer(() -> attempt(exchange, method, System.nanoTime() + timeout.toNanos(), 0));
	}

	private <T> Mono<T> attempt(Mono<T> exchange, String method, long deadline, long retriesSoFar) {
		return exchange.onErrorResume((failure) -> {
			Duration wait = waitBefore(failure, method, retriesSoFar);
			if (wait == null || System.nanoTime() + wait.toNanos() >= deadline) {
				return Mono.error(failure);
			}
			this.holder.recordRetry();
			if (logger.isDebugEnabled()) {
				logger.debug("Connection '" + this.connectionName + "' sends '" + method + "' again in "
						+ wait.toMillis() + " ms after: " + failure.getMessage());
			}
			return Mono.delay(wait).then(attempt(exchange, method, deadline, retriesSoFar + 1));
		});
	}

	/**
	 * How long to wait before sending a request again after a failure.
	 * @param failure what went wrong
	 * @param method the request's method
	 * @param retriesSoFar how often it was sent again already
	 * @return the wait, or {@code null} if the request must not be sent again
	 */
	@Nullable Duration waitBefore(Throwable failure, String method, long retriesSoFar) {
		if (failure instanceof McpConnectException) {
			return backoff(retriesSoFar);
		}
		if (!isSafe(method)) {
			return null;
		}
		if (failure instanceof McpServerBusyException busy) {
			Duration retryAfter = busy.getRetryAfter();
			return (retryAfter != null && !retryAfter.isZero()) ? retryAfter : backoff(retriesSoFar);
		}
		if (failure instanceof McpTransportException transport
				&& transport.getStatus() == McpTransportException.NO_STATUS) {
			// The exchange broke off; a request without side effects can simply go again.
			return backoff(retriesSoFar);
		}
		return null;
	}

	private boolean isSafe(String method) {
		return SAFE.contains(method) || (this.settings.toolCalls() && McpMethods.TOOLS_CALL.equals(method));
	}

	// Exponential, capped, with jitter so that many callers do not come back in step.
	private Duration backoff(long retriesSoFar) {
		long first = this.settings.firstBackoff().toMillis();
		long max = this.settings.maxBackoff().toMillis();
		long exponential = (retriesSoFar >= 20) ? max : Math.min(max, first << retriesSoFar);
		double jitter = 0.5 + ThreadLocalRandom.current().nextDouble() / 2;
		return Duration.ofMillis(Math.max(1, (long) (exponential * jitter)));
	}

}
