package io.github.mcpclient.autoconfigure.observation;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;

import io.github.mcpclient.observation.DefaultMcpClientObservationConvention;
import io.github.mcpclient.observation.DefaultMcpClientSessionObservationConvention;
import io.github.mcpclient.observation.DefaultMcpServerRequestObservationConvention;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import org.jspecify.annotations.Nullable;

/**
 * Gives the MCP client's timers the bucket boundaries the OpenTelemetry MCP conventions
 * recommend, unless the application configured boundaries of its own (for example with
 * {@code management.metrics.distribution.slo.*}).
 *
 * @since 0.1.0
 */
public final class McpClientDurationBuckets implements MeterFilter {

	/**
	 * The recommended boundaries, in seconds.
	 */
	static final double[] BOUNDARIES = { 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60, 120, 300 };

	private static final Set<String> TIMERS = Set.of(DefaultMcpClientObservationConvention.NAME,
			DefaultMcpClientSessionObservationConvention.NAME, DefaultMcpServerRequestObservationConvention.NAME);

	// Timers take their boundaries in nanoseconds.
	private static final double[] NANOS = Arrays.stream(BOUNDARIES)
		.map((seconds) -> Duration.ofMillis(Math.round(seconds * 1000)).toNanos())
		.toArray();

	@Override
	public @Nullable DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
		if (id.getType() != Meter.Type.TIMER || !TIMERS.contains(id.getName())
				|| config.getServiceLevelObjectiveBoundaries() != null) {
			return config;
		}
		return DistributionStatisticConfig.builder().serviceLevelObjectives(NANOS).build().merge(config);
	}

}
