package io.github.mcpclient.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.NettyDataBufferFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is read of a request's event stream after its answer stays bounded: it is released
 * unread, and a remainder past the bound fails the body, which cancels it and so closes
 * the connection.
 */
class AnswerThenDrainTests {

	private static final int CHUNK = 8 * 1024;

	private final NettyDataBufferFactory buffers = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);

	private final List<ByteBuf> sent = new ArrayList<>();

	@Test
	void bodyPassesUntilTheAnswer() {
		SseStreamState stream = new SseStreamState();

		StepVerifier.create(AnswerThenDrain.boundRemainder(Flux.range(0, 3).map((i) -> chunk()), stream, CHUNK))
			.expectNextCount(3)
			.verifyComplete();
	}

	@Test
	void remainderIsReleasedUnreadAndEndsWithTheBody() {
		SseStreamState stream = new SseStreamState();
		stream.answered();

		StepVerifier.create(AnswerThenDrain.boundRemainder(Flux.range(0, 4).map((i) -> chunk()), stream, 4 * CHUNK))
			.verifyComplete();
		assertThat(this.sent).hasSize(4).allSatisfy((buf) -> assertThat(buf.refCnt()).isZero());
	}

	@Test
	void endlessRemainderFailsPastTheBoundAndCancelsTheBody() {
		SseStreamState stream = new SseStreamState();
		AtomicInteger emitted = new AtomicInteger();
		AtomicBoolean cancelled = new AtomicBoolean();
		Flux<DataBuffer> endless = Flux.<DataBuffer>generate((sink) -> {
			if (emitted.incrementAndGet() == 2) {
				// The answer was in the first chunk.
				stream.answered();
			}
			sink.next(chunk());
		}).doOnCancel(() -> cancelled.set(true));

		StepVerifier.create(AnswerThenDrain.boundRemainder(endless, stream, 4 * CHUNK))
			.expectNextCount(1)
			.expectError(DataBufferLimitException.class)
			.verify();
		assertThat(cancelled).isTrue();
		// The answer's chunk, then one past the bound of four.
		assertThat(emitted).hasValue(1 + 5);
		assertThat(this.sent.subList(1, this.sent.size())).allSatisfy((buf) -> assertThat(buf.refCnt()).isZero());
	}

	private DataBuffer chunk() {
		ByteBuf buf = Unpooled.buffer(CHUNK).writeZero(CHUNK);
		this.sent.add(buf);
		return this.buffers.wrap(buf);
	}

}
