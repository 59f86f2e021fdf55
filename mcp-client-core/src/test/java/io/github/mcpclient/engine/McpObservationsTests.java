package io.github.mcpclient.engine;

import java.net.URI;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import reactor.util.context.Context;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's observation plumbing, where it cannot be seen on the wire.
 */
class McpObservationsTests {

	private final URI url = URI.create("https://mcp.example.com/mcp");

	private final McpSessionHolder holder = new McpSessionHolder("weather", this.url);

	@Test
	void keyOfTheCurrentObservationIsMicrometers() {
		assertThat(McpObservations.CURRENT_OBSERVATION).isEqualTo(ObservationThreadLocalAccessor.KEY);
	}

	@Test
	void noOpRegistryTurnsObservationsOff() {
		assertThat(McpObservations.disabled("weather", this.url, this.holder).enabled()).isFalse();
		assertThat(new McpObservations(new Observability(ObservationRegistry.NOOP, null, null), "weather", this.url,
				this.holder)
			.enabled()).isFalse();
	}

	@Test
	void withoutATracerTheParametersAreSentAsTheyAre() {
		McpObservations observations = new McpObservations(
				new Observability(TestObservationRegistry.create(), null, null), "weather", this.url, this.holder);
		ObjectNode params = JsonNodeFactory.instance.objectNode().put("name", "add");

		Observation observation = observations.operation("tools/call", null, params, Context.empty());
		assertThat(observations.withTraceContext(params, observation)).isSameAs(params);
		observation.stop();

		assertThat(observation.getContext().getLowCardinalityKeyValue("server.port").getValue()).isEqualTo("443");
	}

}
