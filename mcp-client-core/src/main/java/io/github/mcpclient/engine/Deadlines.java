package io.github.mcpclient.engine;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.mcpclient.exception.McpTimeoutException;
import reactor.core.publisher.Mono;

/**
 * Bounds an operation in time, failing it with a {@link McpTimeoutException} that names
 * the connection and method.
 */
final class Deadlines {

	private Deadlines() {
	}

	static <T> Mono<T> within(Mono<T> operation, Duration timeout, String connectionName, String method) {
		return operation.timeout(timeout)
			.onErrorMap(TimeoutException.class, (ex) -> new McpTimeoutException(connectionName, method, timeout));
	}

}
