package io.github.mcpclient.observation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClientHandlers;
import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.McpWireMock;
import io.github.mcpclient.engine.McpClientFactory;
import io.github.mcpclient.protocol.Era;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.mcpclient.McpWireMock.json;
import static io.github.mcpclient.McpWireMock.rpc;
import static io.github.mcpclient.McpWireMock.stubHandshake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spans of MCP operations with a real tracer (OpenTelemetry through Micrometer Tracing):
 * the HTTP exchange is the operation's child, and the operation's trace context travels
 * in {@code params._meta} to the server, in both eras.
 */
class McpClientTracingTests {

	@RegisterExtension
	static final WireMockExtension server = McpWireMock.extension();

	private static final String DISCOVER_RESULT = "{\"resultType\":\"complete\",\"supportedVersions\":[\"2026-07-28\"],"
			+ "\"capabilities\":{\"tools\":{}},\"ttlMs\":0}";

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final InMemorySpanExporter spans = InMemorySpanExporter.create();

	private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
		.addSpanProcessor(SimpleSpanProcessor.create(this.spans))
		.build();

	private final ObservationRegistry registry = tracingRegistry();

	@AfterEach
	void closeTracer() {
		this.tracerProvider.close();
	}

	private ObservationRegistry tracingRegistry() {
		io.opentelemetry.api.trace.Tracer otelTracer = this.tracerProvider.get("test");
		OtelCurrentTraceContext current = new OtelCurrentTraceContext();
		OtelTracer tracer = new OtelTracer(otelTracer, current, (event) -> {
		}, new OtelBaggageManager(current, List.of(), List.of()));
		OtelPropagator propagator = new OtelPropagator(
				ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otelTracer);
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig()
			.observationHandler(new FirstMatchingCompositeObservationHandler(
					new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
					new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
					new DefaultTracingObservationHandler(tracer)));
		return registry;
	}

	private McpClient client(McpClientSettings settings) {
		// The HTTP observation is the WebClient's own, as Boot's builder makes it. Long
		// timeouts: a busy machine must not fail these tests, and answers end the wait.
		settings = settings.toBuilder().requestTimeout(WAIT).initializeTimeout(WAIT).build();
		return McpClientFactory.builder()
			.webClientBuilder(WebClient.builder().observationRegistry(this.registry))
			.observationRegistry(this.registry)
			.build()
			.create(settings);
	}

	@Test
	void legacyCallIsTheParentOfItsHttpExchangeAndTravelsInMeta() {
		stubHandshake(server, "session-1");
		server.stubFor(rpc("tools/call").willReturn(json("{\"content\":[]}")));

		client(McpWireMock.settings(server)).callTool("add", Map.of("a", 1));

		assertTraced();
	}

	@Test
	void modernCallIsTheParentOfItsHttpExchangeAndTravelsInMeta() {
		server.stubFor(rpc("server/discover").willReturn(json(DISCOVER_RESULT)));
		server.stubFor(rpc("tools/call")
			.willReturn(json("{\"resultType\":\"complete\",\"content\":[{\"type\":\"text\",\"text\":\"done\"}]}")));

		client(McpWireMock.settings(server).toBuilder().era(Era.MODERN).build()).callTool("add", Map.of("a", 1));

		JsonNode meta = assertTraced();
		assertThat(meta.path("io.modelcontextprotocol/protocolVersion").asString()).isEqualTo("2026-07-28");
	}

	@Test
	void callInsideAnApplicationObservationIsItsChild() {
		stubHandshake(server, null);
		server.stubFor(rpc("tools/call").willReturn(json("{\"content\":[]}")));
		McpClient client = client(McpWireMock.settings(server));

		Observation.createNotStarted("checkout", this.registry).observe(() -> client.callTool("add", Map.of()));

		SpanData application = span("checkout");
		SpanData call = span("tools/call add");
		assertThat(call.getParentSpanId()).isEqualTo(application.getSpanId());
		assertThat(call.getTraceId()).isEqualTo(application.getTraceId());
	}

	@Test
	void serverRequestContinuesTheTraceItsMetaCarries() {
		stubHandshake(server, null);
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		String serverSpanId = "00f067aa0ba902b7";
		String rootsRequest = "data: {\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"method\":\"roots/list\",\"params\":{\"_meta\":"
				+ "{\"traceparent\":\"00-" + traceId + "-" + serverSpanId + "-01\"}}}\n\n";
		String result = "data: {\"jsonrpc\":\"2.0\",\"id\":" + McpWireMock.ECHO_ID
				+ ",\"result\":{\"content\":[]}}\n\n";
		server.stubFor(rpc("tools/call").willReturn(McpWireMock.sse(rootsRequest + result)));
		server.stubFor(post(urlEqualTo(McpWireMock.PATH)).withRequestBody(matchingJsonPath("$.id", equalTo("s1")))
			.willReturn(aResponse().withStatus(202)));
		McpClient client = McpClientFactory.builder()
			.webClientBuilder(WebClient.builder().observationRegistry(this.registry))
			.observationRegistry(this.registry)
			.build()
			.create(McpWireMock.settings(server).toBuilder().requestTimeout(WAIT).initializeTimeout(WAIT).build(),
					McpClientHandlers.none().withRoots((connection) -> List.of()));

		client.callTool("files", Map.of());

		SpanData roots = span("roots/list");
		assertThat(roots.getKind()).isEqualTo(SpanKind.SERVER);
		assertThat(roots.getTraceId()).isEqualTo(traceId);
		assertThat(roots.getParentSpanId()).isEqualTo(serverSpanId);
	}

	// The call's span is a client span whose child is the HTTP exchange; the request
	// carried the call's own trace context in _meta and the exchange's in its header.
	private JsonNode assertTraced() {
		SpanData call = span("tools/call add");
		assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT);
		assertThat(call.getAttributes().asMap().toString()).contains("mcp.method.name=tools/call",
				"gen_ai.tool.name=add");
		SpanData http = await().until(() -> this.spans.getFinishedSpanItems()
			.stream()
			.filter((span) -> span.getName().startsWith("http post") && span.getParentSpanId().equals(call.getSpanId()))
			.findFirst()
			.orElse(null), (found) -> found != null);
		assertThat(http.getTraceId()).isEqualTo(call.getTraceId());
		ServeEvent request = server.getAllServeEvents()
			.stream()
			.filter((event) -> event.getRequest().getBodyAsString().contains("\"tools/call\""))
			.findFirst()
			.orElseThrow();
		JsonNode meta = JsonMapper.builder()
			.build()
			.readTree(request.getRequest().getBodyAsString())
			.path("params")
			.path("_meta");
		// The flags vary with the OpenTelemetry version (sampled, and random in newer
		// ones).
		assertThat(meta.path("traceparent").asString())
			.startsWith("00-" + call.getTraceId() + "-" + call.getSpanId() + "-");
		assertThat(request.getRequest().getHeader("traceparent"))
			.startsWith("00-" + http.getTraceId() + "-" + http.getSpanId() + "-");
		assertThat(request.getRequest().getBodyAsString()).contains("\"arguments\":{\"a\":1}");
		return meta;
	}

	private SpanData span(String name) {
		return await().until(() -> this.spans.getFinishedSpanItems()
			.stream()
			.filter((span) -> span.getName().equals(name))
			.findFirst()
			.orElse(null), (found) -> found != null);
	}

}
