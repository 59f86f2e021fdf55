package io.github.mcpclient.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.engine.McpClientFactory;
import io.github.mcpclient.protocol.Era;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One way of making the benchmark's tool call, ready to call after construction.
 */
interface Caller extends AutoCloseable {

	Duration TIMEOUT = Duration.ofSeconds(30);

	String name();

	Mono<?> call();

	@Override
	void close();

	/** The floor: a raw WebClient POST of the bytes our client sends, body read whole. */
	static Caller floor(URI uri) {
		WebClient webClient = WebClient.builder().build();
		return new Caller() {

			@Override
			public String name() {
				return "floor";
			}

			@Override
			public Mono<?> call() {
				return webClient.post()
					.uri(uri)
					.contentType(MediaType.APPLICATION_JSON)
					.accept(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM)
					.bodyValue(BenchServer.CALL)
					.retrieve()
					.bodyToMono(byte[].class);
			}

			@Override
			public void close() {
			}
		};
	}

	/** Our client, through its reactive API, on the default WebClient. */
	static Caller ours(URI uri) {
		return ours(McpClientFactory.create(), uri);
	}

	/**
	 * Our client made by the given factory, as an application's connections share one.
	 */
	static Caller ours(McpClientFactory factory, URI uri) {
		return ours("ours", factory, uri);
	}

	/**
	 * Our client made by the given factory, under its own name, as the observed variants
	 * are.
	 */
	static Caller ours(String name, McpClientFactory factory, URI uri) {
		McpClient client = factory
			.create(McpClientSettings.builder("bench", uri).era(Era.LEGACY).requestTimeout(TIMEOUT).build());
		client.reactive().initialize().block(TIMEOUT);
		Map<String, String> arguments = Map.of("text", "hello");
		return new Caller() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public Mono<?> call() {
				return client.reactive().callTool("echo", arguments);
			}

			@Override
			public void close() {
				client.close();
			}
		};
	}

	/** The MCP Java SDK's async client on its JDK HttpClient transport. */
	static Caller sdk(URI uri) {
		HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
			.builder("http://" + uri.getHost() + ":" + uri.getPort())
			.endpoint(uri.getPath())
			.build();
		McpAsyncClient client = io.modelcontextprotocol.client.McpClient.async(transport)
			.requestTimeout(TIMEOUT)
			.initializationTimeout(TIMEOUT)
			.build();
		client.initialize().block(TIMEOUT);
		McpSchema.CallToolRequest request = new McpSchema.CallToolRequest("echo", Map.of("text", "hello"));
		return new Caller() {

			@Override
			public String name() {
				return "sdk";
			}

			@Override
			public Mono<?> call() {
				return client.callTool(request);
			}

			@Override
			public void close() {
				client.closeGracefully().block(TIMEOUT);
			}
		};
	}

}
