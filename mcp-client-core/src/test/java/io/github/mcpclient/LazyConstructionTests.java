package io.github.mcpclient;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mcpclient.engine.McpClientFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.web.reactive.function.client.WebClient;

import static io.github.mcpclient.McpWireMock.stubPingableServer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating a client builds no HTTP client: an application that configures connections
 * pays for the connector and its codecs on the first call, once.
 */
class LazyConstructionTests {

	@RegisterExtension
	static final WireMockExtension server = McpWireMock.extension();

	@Test
	void webClientIsBuiltOnTheFirstCallOnly() {
		AtomicInteger builds = new AtomicInteger();
		McpClientFactory factory = McpClientFactory.builder().webClientBuilder(counting(builds)).build();

		McpClient client = factory.create(McpWireMock.settings(server));
		assertThat(builds).hasValue(0);

		stubPingableServer(server, "lazy-session-0001");
		client.ping();
		client.ping();
		assertThat(builds).hasValue(1);
	}

	@Test
	void buildingTheHttpClientDoesNotCountAgainstTheFirstCallsDeadline() {
		// Deadlines run on the parallel scheduler, which this replaces with virtual time:
		// a build that takes longer than the timeouts moves that time on, with no wait.
		VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
		try {
			AtomicInteger builds = new AtomicInteger();
			McpClientFactory factory = McpClientFactory.builder()
				.webClientBuilder(counting(builds, () -> time.advanceTimeBy(Duration.ofSeconds(10))))
				.build();
			McpClient client = factory.create(McpWireMock.settings(server)
				.toBuilder()
				.initializeTimeout(Duration.ofSeconds(8))
				.requestTimeout(Duration.ofSeconds(8))
				.build());

			stubPingableServer(server, "lazy-session-0002");
			client.ping();
			assertThat(builds).hasValue(1);
		}
		finally {
			VirtualTimeScheduler.reset();
		}
	}

	private static WebClient.Builder counting(AtomicInteger builds) {
		return counting(builds, () -> {
		});
	}

	// A WebClient.Builder that counts build() calls and stays itself through clone() and
	// every fluent method, so the count follows whatever the factory does with it.
	private static WebClient.Builder counting(AtomicInteger builds, Runnable whileBuilding) {
		WebClient.Builder target = WebClient.builder();
		return (WebClient.Builder) Proxy.newProxyInstance(LazyConstructionTests.class.getClassLoader(),
				new Class<?>[] { WebClient.Builder.class }, (proxy, method, args) -> {
					if (method.getName().equals("build")) {
						builds.incrementAndGet();
						// As slow as a first build can be on a busy machine.
						whileBuilding.run();
						return target.build();
					}
					if (method.getName().equals("clone")) {
						return proxy;
					}
					try {
						Object result = method.invoke(target, args);
						return (result == target) ? proxy : result;
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
