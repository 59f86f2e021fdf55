package io.github.mcpclient.engine;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.github.mcpclient.exception.McpTimeoutException;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * Bounds an operation in time, failing it with a {@link McpTimeoutException} that names
 * the connection and method.
 * <p>
 * Every call has a deadline, so this runs once per call: rather than Reactor's
 * {@code timeout()}, which builds a description of its source on every subscription and
 * takes two more operators to map its error, one small operator arms a timer on the
 * parallel scheduler when subscribed and disarms it at the first signal.
 */
final class Deadlines {

	private Deadlines() {
	}

	static <T> Mono<T> within(Mono<T> operation, Duration timeout, String connectionName, String method) {
		return new Deadline<>(operation, timeout, connectionName, method);
	}

	private static final class Deadline<T> extends Mono<T> {

		private final Mono<T> source;

		private final Duration timeout;

		private final String connectionName;

		private final String method;

		Deadline(Mono<T> source, Duration timeout, String connectionName, String method) {
			this.source = source;
			this.timeout = timeout;
			this.connectionName = connectionName;
			this.method = method;
		}

		@Override
		public void subscribe(CoreSubscriber<? super T> actual) {
			this.source.subscribe(new DeadlineSubscriber<>(actual, this));
		}

	}

	private static final class DeadlineSubscriber<T> implements CoreSubscriber<T>, Subscription, Runnable {

		@SuppressWarnings("rawtypes")
		private static final AtomicIntegerFieldUpdater<DeadlineSubscriber> DONE = AtomicIntegerFieldUpdater
			.newUpdater(DeadlineSubscriber.class, "done");

		private final CoreSubscriber<? super T> actual;

		private final Deadline<T> parent;

		private @Nullable Subscription upstream;

		private volatile @Nullable Disposable timer;

		// 0 while running; 1 once a signal, the deadline or a cancellation ended it.
		private volatile int done;

		DeadlineSubscriber(CoreSubscriber<? super T> actual, Deadline<T> parent) {
			this.actual = actual;
			this.parent = parent;
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			if (!Operators.validate(this.upstream, subscription)) {
				return;
			}
			this.upstream = subscription;
			this.actual.onSubscribe(this);
			if (this.done != 0) {
				// Ended while the subscriber was being told: nothing to time.
				return;
			}
			Disposable timer;
			try {
				timer = Schedulers.parallel().schedule(this, this.parent.timeout.toNanos(), TimeUnit.NANOSECONDS);
			}
			catch (RejectedExecutionException ex) {
				if (DONE.compareAndSet(this, 0, 1)) {
					subscription.cancel();
					this.actual.onError(Operators.onRejectedExecution(ex, this.actual.currentContext()));
				}
				return;
			}
			this.timer = timer;
			if (this.done != 0) {
				// Ended while the timer was being armed.
				timer.dispose();
			}
		}

		@Override
		public void onNext(T value) {
			if (DONE.compareAndSet(this, 0, 1)) {
				disarm();
				this.actual.onNext(value);
				this.actual.onComplete();
			}
			else {
				Operators.onDiscard(value, this.actual.currentContext());
			}
		}

		@Override
		public void onError(Throwable error) {
			if (DONE.compareAndSet(this, 0, 1)) {
				disarm();
				this.actual.onError(error);
			}
			else {
				Operators.onErrorDropped(error, this.actual.currentContext());
			}
		}

		@Override
		public void onComplete() {
			if (DONE.compareAndSet(this, 0, 1)) {
				disarm();
				this.actual.onComplete();
			}
		}

		// The deadline passed.
		@Override
		public void run() {
			if (DONE.compareAndSet(this, 0, 1)) {
				Subscription upstream = this.upstream;
				if (upstream != null) {
					upstream.cancel();
				}
				this.actual.onError(
						new McpTimeoutException(this.parent.connectionName, this.parent.method, this.parent.timeout));
			}
		}

		@Override
		public void request(long n) {
			Subscription upstream = this.upstream;
			if (upstream != null) {
				upstream.request(n);
			}
		}

		@Override
		public void cancel() {
			if (DONE.compareAndSet(this, 0, 1)) {
				disarm();
			}
			Subscription upstream = this.upstream;
			if (upstream != null) {
				upstream.cancel();
			}
		}

		private void disarm() {
			Disposable timer = this.timer;
			if (timer != null) {
				timer.dispose();
			}
		}

	}

}
