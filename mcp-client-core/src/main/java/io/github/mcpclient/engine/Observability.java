package io.github.mcpclient.engine;

import io.github.mcpclient.observation.McpClientObservationConvention;
import io.github.mcpclient.observation.McpServerRequestObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Where a factory's clients report observations, and the conventions that name them.
 *
 * @param registry the registry; the no-op one turns observations off
 * @param convention the convention of operations, or {@code null} for the default
 * @param serverRequestConvention the convention of server requests, or {@code null} for
 * the default
 */
record Observability(ObservationRegistry registry, @Nullable McpClientObservationConvention convention,
		@Nullable McpServerRequestObservationConvention serverRequestConvention) {

	static final Observability NONE = new Observability(ObservationRegistry.NOOP, null, null);

}
