package io.github.mcpclient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mcpclient.exception.McpException;
import io.github.mcpclient.protocol.CallToolResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import static io.github.mcpclient.McpWireMock.json;
import static io.github.mcpclient.McpWireMock.rpc;
import static io.github.mcpclient.McpWireMock.rpcRequested;
import static io.github.mcpclient.McpWireMock.stubHandshake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A connection with a bulkhead: a bounded number of calls in flight, a bounded queue, and
 * a clear error beyond.
 */
class BulkheadTests {

	@RegisterExtension
	static final WireMockExtension server = McpWireMock.extension();

	private ReactiveMcpClient client;

	@BeforeEach
	void connect() {
		stubHandshake(server, null);
		server.stubFor(rpc("tools/call")
			.willReturn(json("{\"content\":[{\"type\":\"text\",\"text\":\"done\"}]}").withFixedDelay(1000)));
		this.client = McpWireMock
			.client(McpWireMock.settings(server)
				.toBuilder()
				.requestTimeout(Duration.ofSeconds(20))
				.bulkhead(new McpClientSettings.Bulkhead(2, 1))
				.build())
			.reactive();
		this.client.initialize().block(Duration.ofSeconds(10));
	}

	private Mono<CallToolResult> call() {
		return this.client.callTool("slow", Map.of());
	}

	@Test
	void callsBeyondTheRunningAndWaitingOnesFailAtOnce() {
		Mono<List<CallToolResult>> admitted = Mono.zip(call(), call(), call())
			.map((all) -> List.of(all.getT1(), all.getT2(), all.getT3()));
		Mono<List<CallToolResult>> running = admitted.cache();
		running.subscribe();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> server.verify(2, rpcRequested("tools/call")));

		assertThatExceptionOfType(McpException.class).isThrownBy(() -> call().block(Duration.ofSeconds(10)))
			.withMessageContaining("'test'")
			.withMessageContaining("'tools/call'")
			.withMessageContaining("too many requests in flight: 2 running and 1 waiting");

		assertThat(running.block(Duration.ofSeconds(20))).hasSize(3);
		server.verify(3, rpcRequested("tools/call"));
	}

	@Test
	void aCallThatGivesUpWhileWaitingLeavesTheQueue() {
		Disposable first = call().subscribe();
		Disposable second = call().subscribe();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> server.verify(2, rpcRequested("tools/call")));
		call().subscribe().dispose();

		CallToolResult result = call().block(Duration.ofSeconds(20));

		assertThat(result.isError()).isFalse();
		server.verify(3, rpcRequested("tools/call"));
		first.dispose();
		second.dispose();
	}

}
