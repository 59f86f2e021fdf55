package io.github.mcpclient.benchmarks;

import java.net.URI;
import java.util.Collection;
import java.util.List;

import io.github.mcpclient.engine.McpClientFactory;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Our client observed, beside the unobserved default: with {@code NOOP} passed
 * explicitly, with metrics (Micrometer's meter handler over a simple meter registry) and
 * with metrics and traces (Micrometer Tracing's OpenTelemetry bridge on an OpenTelemetry
 * SDK whose finished spans are turned into span data and dropped, and the propagating
 * handler that writes {@code traceparent} into {@code _meta}). Only our operations are
 * observed: the WebClient is the default one, so Spring's own HTTP observation, which an
 * application with Boot would add on top, is not part of these figures.
 */
final class Observed {

	private Observed() {
	}

	static Caller noop(URI uri) {
		return Caller.ours("noop", McpClientFactory.builder().observationRegistry(ObservationRegistry.NOOP).build(),
				uri);
	}

	static Caller metrics(URI uri) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
		return Caller.ours("metrics", McpClientFactory.builder().observationRegistry(registry).build(), uri);
	}

	static Caller traced(URI uri) {
		SdkTracerProvider provider = SdkTracerProvider.builder()
			.addSpanProcessor(SimpleSpanProcessor.create(new DroppingExporter()))
			.build();
		io.opentelemetry.api.trace.Tracer otelTracer = provider.get("benchmarks");
		OtelCurrentTraceContext current = new OtelCurrentTraceContext();
		OtelTracer tracer = new OtelTracer(otelTracer, current, (event) -> {
		}, new OtelBaggageManager(current, List.of(), List.of()));
		OtelPropagator propagator = new OtelPropagator(
				ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otelTracer);
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig()
			.observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()))
			.observationHandler(new FirstMatchingCompositeObservationHandler(
					new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
					new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
					new DefaultTracingObservationHandler(tracer)));
		Caller caller = Caller.ours("traced", McpClientFactory.builder().observationRegistry(registry).build(), uri);
		return new Caller() {

			@Override
			public String name() {
				return caller.name();
			}

			@Override
			public reactor.core.publisher.Mono<?> call() {
				return caller.call();
			}

			@Override
			public void close() {
				caller.close();
				provider.close();
			}
		};
	}

	/** An exporter that keeps nothing, so that spans cost what they cost to make. */
	private static final class DroppingExporter implements SpanExporter {

		@Override
		public CompletableResultCode export(Collection<SpanData> spans) {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode flush() {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			return CompletableResultCode.ofSuccess();
		}

	}

}
