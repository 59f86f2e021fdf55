package io.github.mcpclient.benchmarks;

import java.lang.management.ManagementFactory;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an application with the starter in a fresh JVM and prints how long the context
 * took and how many classes were loaded: with the starter disabled ({@code none}) or with
 * one configured connection ({@code one}).
 */
public final class StartupProbe {

	private StartupProbe() {
	}

	public static void main(String[] args) {
		boolean one = args.length > 0 && args[0].equals("one");
		long start = System.nanoTime();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ProbeApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "logging.level.root=warn",
					one ? "mcp.client.connections.bench.url=http://127.0.0.1:9/mcp" : "mcp.client.enabled=false")
			.run();
		long millis = (System.nanoTime() - start) / 1_000_000;
		int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
		context.close();
		System.out.println("startup millis=" + millis + " classes=" + classes);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ProbeApplication {

	}

}
