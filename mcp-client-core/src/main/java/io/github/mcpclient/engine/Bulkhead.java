package io.github.mcpclient.engine;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.exception.McpException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Lets at most a set number of one connection's calls run at once; the next ones wait in
 * a bounded queue, in order, and the ones beyond fail at once with a clear error. A call
 * that gives up while waiting leaves the queue, and every slot is given back exactly once
 * however a call ends.
 */
final class Bulkhead {

	private final String connectionName;

	private final McpClientSettings.Bulkhead settings;

	private final Queue<Permit> waiting = new ArrayDeque<>();

	private int running;

	Bulkhead(String connectionName, McpClientSettings.Bulkhead settings) {
		this.connectionName = connectionName;
		this.settings = settings;
	}

	/**
	 * Run a call when its turn comes.
	 * @param <T> the result type
	 * @param method the call's method, for the error
	 * @param call the call
	 * @return the call's result
	 */
	<T> Mono<T> run(String method, Supplier<Mono<T>> call) {
		if (!this.settings.isBounded()) {
			return Mono.defer(call);
		}
		return Mono.defer(() -> {
			Permit permit = new Permit();
			return Mono.<Void>create((sink) -> acquire(permit, sink, method))
				.then(Mono.defer(call))
				.doFinally((signal) -> release(permit));
		});
	}

	private void acquire(Permit permit, MonoSink<Void> sink, String method) {
		synchronized (this) {
			if (this.running < this.settings.maxInFlight()) {
				this.running++;
				permit.grant();
				sink.success();
				return;
			}
			if (this.waiting.size() >= this.settings.maxQueued()) {
				sink.error(new McpException(this.connectionName, method, "too many requests in flight: "
						+ this.settings.maxInFlight() + " running and " + this.settings.maxQueued() + " waiting"));
				return;
			}
			permit.sink = sink;
			this.waiting.add(permit);
		}
	}

	private void release(Permit permit) {
		if (!permit.giveBack()) {
			// It never ran; if it was still waiting, it leaves the queue.
			synchronized (this) {
				this.waiting.remove(permit);
			}
			return;
		}
		Permit next;
		synchronized (this) {
			next = this.waiting.poll();
			while (next != null && !next.grant()) {
				next = this.waiting.poll();
			}
			if (next == null) {
				this.running--;
			}
		}
		// The slot passes straight to the next caller in line.
		if (next != null && next.sink != null) {
			next.sink.success();
		}
	}

	private static final class Permit {

		private static final int WAITING = 0;

		private static final int GRANTED = 1;

		private static final int DONE = 2;

		private final AtomicInteger state = new AtomicInteger(WAITING);

		private @Nullable MonoSink<Void> sink;

		boolean grant() {
			return this.state.compareAndSet(WAITING, GRANTED);
		}

		// True if this permit held a slot that must now be passed on.
		boolean giveBack() {
			return this.state.getAndSet(DONE) == GRANTED;
		}

	}

}
