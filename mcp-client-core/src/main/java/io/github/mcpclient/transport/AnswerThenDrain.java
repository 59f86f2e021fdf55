package io.github.mcpclient.transport;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.mcpclient.protocol.JsonRpcMessage;
import io.github.mcpclient.protocol.JsonRpcResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Operators;
import reactor.core.publisher.SignalType;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Ends a request's event stream for the caller at the request's answer, while the rest of
 * the stream is still read to its end so that the connection goes back to the pool.
 * <p>
 * Cancelling a response body before the server has ended it makes the HTTP client close
 * the TCP connection: a client that stops reading at the answer pays a new connection per
 * call. Servers end a request's stream right after its answer, so the remainder is read
 * off in the background (what arrives then is dropped), within a bound after which the
 * body is cancelled after all. A caller that cancels before the answer still cancels the
 * body at once, which in the modern era is how a server learns that the call is
 * abandoned.
 */
final class AnswerThenDrain {

	private static final Log logger = LogFactory.getLog(AnswerThenDrain.class);

	private AnswerThenDrain() {
	}

	/**
	 * The messages of a request's stream up to and including the answer to it.
	 * @param messages the messages read from the stream's body
	 * @param id the request's id
	 * @param stream the stream's state, marked answered so that it is not resumed
	 * @param drainBound how long the rest of the stream may take after the answer
	 * @return the messages, completing at the answer
	 */
	/**
	 * The body of a request's event stream, bounded after the answer: once the stream is
	 * answered, what arrives is released unread, and a remainder larger than
	 * {@code maxBytes} fails the body, which cancels it and so closes the connection, as
	 * for any body past its bound. Reading that much more would cost more than a new
	 * connection.
	 * @param body the stream's body
	 * @param stream the stream's state, marked answered by {@link #untilAnswer}
	 * @param maxBytes the most the remainder may hold
	 * @return the body
	 */
	static Flux<DataBuffer> boundRemainder(Flux<DataBuffer> body, SseStreamState stream, long maxBytes) {
		return Flux.defer(() -> {
			long[] remainder = new long[1];
			return body.handle((buffer, sink) -> {
				if (!stream.isAnswered()) {
					sink.next(buffer);
					return;
				}
				remainder[0] += buffer.readableByteCount();
				DataBufferUtils.release(buffer);
				if (remainder[0] > maxBytes) {
					sink.error(new DataBufferLimitException(
							"event stream goes on for more than " + maxBytes + " bytes after its answer"));
				}
			});
		});
	}

	static Flux<JsonRpcMessage> untilAnswer(Flux<JsonRpcMessage> messages, JsonNode id, SseStreamState stream,
			Duration drainBound) {
		// The reader passes the caller's demand on rather than buffering what arrives, so
		// the sink needs no queue of its own for each response. (Not push(), whose sink
		// asks for everything at once.)
		return Flux.create((sink) -> {
			Reader reader = new Reader(sink, id, stream, drainBound);
			sink.onCancel(reader::cancelUnlessAnswered);
			messages.subscribe(reader);
			sink.onRequest(reader::demand);
		}, FluxSink.OverflowStrategy.IGNORE);
	}

	private static final class Reader extends BaseSubscriber<JsonRpcMessage> {

		private final FluxSink<JsonRpcMessage> sink;

		private final JsonNode id;

		private final SseStreamState stream;

		private final Duration drainBound;

		private volatile boolean answered;

		private volatile @Nullable Disposable deadline;

		Reader(FluxSink<JsonRpcMessage> sink, JsonNode id, SseStreamState stream, Duration drainBound) {
			this.sink = sink;
			this.id = id;
			this.stream = stream;
			this.drainBound = drainBound;
		}

		@Override
		public Context currentContext() {
			return Context.of(this.sink.contextView());
		}

		// The caller's demand from before the body's subscription arrived.
		private long pending;

		private boolean subscribed;

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			// Nothing until the caller asks.
			long n;
			synchronized (this) {
				this.subscribed = true;
				n = this.pending;
				this.pending = 0;
			}
			if (n > 0) {
				request(n);
			}
		}

		void demand(long n) {
			if (this.answered) {
				return;
			}
			synchronized (this) {
				if (!this.subscribed) {
					this.pending = Operators.addCap(this.pending, n);
					return;
				}
			}
			request(n);
		}

		@Override
		protected void hookOnNext(JsonRpcMessage message) {
			if (this.answered) {
				return;
			}
			if (message instanceof JsonRpcResponse response && response.answers(this.id)) {
				// Set before emitting: the caller may cancel from within next().
				this.answered = true;
				this.stream.answered();
				this.deadline = Schedulers.parallel()
					.schedule(this::giveUp, this.drainBound.toMillis(), TimeUnit.MILLISECONDS);
				this.sink.next(message);
				this.sink.complete();
				// The rest of the stream is read off, whatever the caller asked for.
				requestUnbounded();
				return;
			}
			this.sink.next(message);
		}

		@Override
		protected void hookOnError(Throwable error) {
			if (this.answered) {
				logger.debug("Event stream failed after its answer", error);
			}
			else {
				this.sink.error(error);
			}
		}

		@Override
		protected void hookOnComplete() {
			if (!this.answered) {
				this.sink.complete();
			}
		}

		@Override
		protected void hookFinally(SignalType type) {
			Disposable deadline = this.deadline;
			if (deadline != null) {
				deadline.dispose();
			}
		}

		void cancelUnlessAnswered() {
			if (!this.answered) {
				dispose();
			}
		}

		private void giveUp() {
			logger.debug("Event stream still open " + this.drainBound.toMillis()
					+ " ms after its answer; closing its connection");
			dispose();
		}

	}

}
