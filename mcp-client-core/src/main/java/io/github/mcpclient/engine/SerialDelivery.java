package io.github.mcpclient.engine;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * Runs one connection's deliveries to application code one at a time, in the order they
 * were handed over, on a worker thread instead of the network thread that read them. A
 * delivery that blocks delays only the later deliveries of its own connection. When the
 * queue is full, handing over waits for room, which slows the reading of that
 * connection's stream and nothing else.
 */
final class SerialDelivery {

	private static final Log logger = LogFactory.getLog(SerialDelivery.class);

	private final String connectionName;

	private final Scheduler scheduler;

	private final int capacity;

	private final Queue<Runnable> queue = new ArrayDeque<>();

	private final Queue<Waiting> waiting = new ArrayDeque<>();

	private boolean draining;

	/**
	 * Create the delivery of one connection.
	 * @param connectionName the connection, for logs
	 * @param scheduler where deliveries run
	 * @param capacity how many deliveries may wait before handing over waits
	 */
	SerialDelivery(String connectionName, Scheduler scheduler, int capacity) {
		this.connectionName = connectionName;
		this.scheduler = scheduler;
		this.capacity = capacity;
	}

	/**
	 * Hand over a delivery.
	 * @param delivery what to run; its failures are logged
	 * @return completes once the delivery is queued, at once unless the queue is full
	 */
	Mono<Void> submit(Runnable delivery) {
		return Mono.create((sink) -> {
			boolean start;
			synchronized (this) {
				if (this.queue.size() >= this.capacity) {
					// Each stream waits on one hand-over at a time, so few ever wait. A
					// waiter whose stream was cancelled is still delivered: the message
					// did arrive.
					this.waiting.add(new Waiting(delivery, sink));
					return;
				}
				this.queue.add(delivery);
				start = !this.draining;
				this.draining = true;
			}
			sink.success();
			if (start) {
				start();
			}
		});
	}

	/**
	 * Wait for everything handed over so far to have run.
	 * @return completes at once when nothing is pending, or else on the delivery thread
	 * once the deliveries before it have run
	 */
	Mono<Void> drained() {
		return Mono.defer(() -> {
			synchronized (this) {
				if (!this.draining && this.queue.isEmpty()) {
					return Mono.empty();
				}
			}
			Sinks.Empty<Void> done = Sinks.empty();
			return submit(done::tryEmitEmpty).then(done.asMono());
		});
	}

	private void start() {
		try {
			this.scheduler.schedule(this::drain);
		}
		catch (RejectedExecutionException ex) {
			// The queue keeps its deliveries; the next hand-over tries again.
			synchronized (this) {
				this.draining = false;
			}
			logger.warn("Deliveries of connection '" + this.connectionName + "' are delayed: " + ex.getMessage());
		}
	}

	private void drain() {
		while (true) {
			Runnable next;
			Waiting admitted;
			synchronized (this) {
				next = this.queue.poll();
				if (next == null) {
					this.draining = false;
					return;
				}
				admitted = this.waiting.poll();
				if (admitted != null) {
					this.queue.add(admitted.delivery());
				}
			}
			if (admitted != null) {
				admitted.sink().success();
			}
			try {
				next.run();
			}
			catch (Throwable ex) {
				// Anything short of the JVM failing, assertions included, must not stop
				// the deliveries that follow.
				Exceptions.throwIfJvmFatal(ex);
				logger.warn("Delivery to the application failed on connection '" + this.connectionName + "'", ex);
			}
		}
	}

	private record Waiting(Runnable delivery, MonoSink<Void> sink) {
	}

}
