package io.github.mcpclient.transport;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseBodiesTests {

	@Test
	void aBodyWithoutContentCodingOrWithIdentityIsPlain() {
		assertThat(ResponseBodies.contentCoding(ClientResponse.create(HttpStatus.OK).build())).isNull();
		assertThat(ResponseBodies
			.contentCoding(ClientResponse.create(HttpStatus.OK).header("Content-Encoding", " Identity ").build()))
			.isNull();
	}

	@Test
	void aContentCodingLeftOnTheResponseIsReported() {
		assertThat(ResponseBodies
			.contentCoding(ClientResponse.create(HttpStatus.OK).header("Content-Encoding", "gzip").build()))
			.isEqualTo("gzip");
	}

	@Test
	void discardReadsABodyWithinTheBoundToItsEnd() {
		StepVerifier.create(ResponseBodies.discard(response(Flux.just(chunk(10), chunk(10))), 20)).verifyComplete();
	}

	@Test
	void discardStopsReadingAsSoonAsTheBoundIsExceeded() {
		AtomicInteger sent = new AtomicInteger();
		Flux<DataBuffer> endless = Flux.generate((sink) -> sink.next(chunk(1000)))
			.doOnNext((chunk) -> sent.incrementAndGet())
			.cast(DataBuffer.class);

		StepVerifier.create(ResponseBodies.discard(response(endless), 4500))
			.verifyError(DataBufferLimitException.class);
		assertThat(sent).hasValue(5);
	}

	@Test
	void anExcerptIsTheStartOfTheBody() {
		DataBuffer body = DefaultDataBufferFactory.sharedInstance.wrap("hello world".getBytes(StandardCharsets.UTF_8));

		StepVerifier.create(ResponseBodies.excerpt(response(Flux.just(body)), 5)).expectNext("hello").verifyComplete();
	}

	private static ClientResponse response(Flux<DataBuffer> body) {
		return ClientResponse.create(HttpStatus.OK).body(body).build();
	}

	private static DataBuffer chunk(int size) {
		return DefaultDataBufferFactory.sharedInstance.wrap(new byte[size]);
	}

}
