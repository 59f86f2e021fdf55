package io.github.mcpclient.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.github.mcpclient.interop.RecordingProxy.Exchange;
import io.github.mcpclient.protocol.Content;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recording proxy itself: the interop tests can only trust what it records, and tests
 * of long-lived SSE streams need it not to hold a stream back.
 */
class RecordingProxyTests {

	private final CountDownLatch firstEventSeen = new CountDownLatch(1);

	private HttpServer upstream;

	private RecordingProxy proxy;

	@BeforeEach
	void start() throws IOException {
		this.upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.upstream.createContext("/sse", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
			exchange.getResponseHeaders().add("mcp-session-id", "abc");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream body = exchange.getResponseBody()) {
				body.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
				body.flush();
				// The second event is only written once the client has read the first: a
				// proxy that buffers the body would never deliver either.
				if (this.firstEventSeen.await(10, TimeUnit.SECONDS)) {
					body.write("data: second\n\n".getBytes(StandardCharsets.UTF_8));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		this.upstream.start();
		this.proxy = RecordingProxy.to(URI.create("http://127.0.0.1:" + this.upstream.getAddress().getPort()));
	}

	@AfterEach
	void stop() {
		this.proxy.close();
		this.upstream.stop(0);
	}

	@Test
	void streamsEventsAsTheyComeAndRecordsTheExchange() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(this.proxy.url("/sse"))
			.timeout(Duration.ofSeconds(15))
			.header("Content-Type", "application/json")
			.header("MCP-Protocol-Version", "2025-11-25")
			.POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
			.build();
		HttpResponse<InputStream> response = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofInputStream());

		try (BufferedReader events = new BufferedReader(
				new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			assertThat(events.readLine()).isEqualTo("data: first");
			this.firstEventSeen.countDown();
			assertThat(events.readLine()).isEmpty();
			assertThat(events.readLine()).isEqualTo("data: second");
		}

		assertThat(this.proxy.exchanges()).singleElement().satisfies((exchange) -> {
			assertThat(exchange.rpcMethod()).isEqualTo("ping");
			assertThat(exchange.status()).isEqualTo(200);
			assertThat(exchange.requestHeaderSpelling("mcp-protocol-version")).isEqualTo("MCP-Protocol-Version");
			assertThat(exchange.responseHeader("MCP-Session-Id")).isEqualTo("abc");
		});
		Exchange exchange = this.proxy.exchanges().get(0);
		assertThat(exchange.method()).isEqualTo("POST");
	}

}
