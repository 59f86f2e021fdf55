package io.github.mcpclient.benchmarks;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.mcpclient.engine.McpClientFactory;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The benchmark behind {@code docs/performance.md}: against one local MCP server, the raw
 * WebClient floor, our client and the MCP Java SDK client make the same tool call, JSON
 * and SSE answers, 1 and 64 concurrent callers, interleaved round by round so that a busy
 * machine slows all three alike; then the SSE parser (JMH), heap per idle session and
 * what the starter adds to context start. It prints medians and the medians of per-round
 * ratios.
 * <p>
 * Arguments, all optional:
 * {@code rounds=5 calls=2000 sessions=100 startups=5 parts=calls,idle,parser,startup
 * answers=json,sse callers=1,64 observed=false}; {@code callers} lists the numbers of
 * concurrent callers the calls run with, and {@code observed=true} adds to the calls our
 * client observed three ways (see {@link Observed}), each compared with the unobserved
 * one.
 */
public final class Benchmarks {

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			String[] pair = arg.split("=", 2);
			options.put(pair[0], (pair.length > 1) ? pair[1] : "true");
		}
		int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
		int calls = Integer.parseInt(options.getOrDefault("calls", "2000"));
		int sessions = Integer.parseInt(options.getOrDefault("sessions", "100"));
		int startups = Integer.parseInt(options.getOrDefault("startups", "5"));
		System.out.printf("Java %s on %d cores, %s %s; rounds=%d calls=%d%n", System.getProperty("java.version"),
				Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
				System.getProperty("os.arch"), rounds, calls);
		List<String> parts = List.of(options.getOrDefault("parts", "calls,idle,parser,startup").split(","));
		List<String> answers = List.of(options.getOrDefault("answers", "json,sse").split(","));
		boolean observed = Boolean.parseBoolean(options.getOrDefault("observed", "false"));
		int[] concurrency = Stream.of(options.getOrDefault("callers", "1,64").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		try (BenchServer server = new BenchServer()) {
			// Idle sessions first, before the call runs leave threads and pools behind.
			if (parts.contains("idle")) {
				idle(server, sessions);
			}
			if (parts.contains("calls")) {
				for (String answer : answers) {
					calls(server, answer.equals("sse"), rounds, calls, concurrency, observed);
				}
			}
		}
		if (parts.contains("parser")) {
			parser();
		}
		if (parts.contains("startup")) {
			startup(startups);
		}
	}

	private static void calls(BenchServer server, boolean sse, int rounds, int calls, int[] concurrencies,
			boolean observed) {
		URI uri = server.uri(sse);
		List<Function<URI, Caller>> kinds = new ArrayList<>(List.of(Caller::floor, Caller::ours, Caller::sdk));
		if (observed) {
			kinds.addAll(List.of(Observed::noop, Observed::metrics, Observed::traced));
		}
		List<Caller> callers = new ArrayList<>();
		kinds.forEach((kind) -> callers.add(kind.apply(uri)));
		try {
			// Warm up every path before measuring any.
			for (Caller caller : callers) {
				for (int concurrency : concurrencies) {
					LoadRun.measure(caller, server, calls, concurrency);
				}
			}
			for (int concurrency : concurrencies) {
				Map<String, List<LoadRun>> runs = new HashMap<>();
				for (int round = 0; round < rounds; round++) {
					for (int i = 0; i < callers.size(); i++) {
						// Rotate the order so that no client always runs first.
						Caller caller = callers.get((i + round) % callers.size());
						runs.computeIfAbsent(caller.name(), (name) -> new ArrayList<>())
							.add(LoadRun.measure(caller, server, calls, concurrency));
					}
				}
				report((sse ? "SSE" : "JSON") + " answers, " + concurrency + " caller(s)", runs, rounds, calls,
						callers.stream().map(Caller::name).toList());
			}
		}
		finally {
			callers.forEach(Caller::close);
		}
	}

	private static void report(String title, Map<String, List<LoadRun>> runs, int rounds, int calls,
			List<String> names) {
		System.out.println();
		System.out.println("== " + title + " (medians of " + rounds + " rounds of " + calls + " calls)");
		System.out.printf("%-7s %10s %9s %9s %10s %16s %12s %12s%n", "client", "calls/s", "p50 us", "p99 us", "B/call",
				"new conns/call", "cpu us/call", "server cpu");
		for (String name : names) {
			List<LoadRun> list = runs.get(name);
			System.out.printf(Locale.ROOT, "%-7s %10.0f %9.0f %9.0f %10.0f %16.2f %12.1f %12.1f%n", name,
					median(list, LoadRun::callsPerSecond), median(list, LoadRun::p50Micros),
					median(list, LoadRun::p99Micros), median(list, LoadRun::bytesPerCall),
					median(list, (run) -> (double) run.newConnections() / calls),
					median(list, LoadRun::cpuMicrosPerCall), median(list, LoadRun::serverCpuMicrosPerCall));
		}
		System.out.printf(Locale.ROOT,
				"ratios: ours/floor calls/s %.2f, p50 %.2f, B/call %.2f, cpu/call %.2f | ours/sdk calls/s %.2f, p50 %.2f%n",
				ratio(runs, "ours", "floor", LoadRun::callsPerSecond), ratio(runs, "ours", "floor", LoadRun::p50Micros),
				ratio(runs, "ours", "floor", LoadRun::bytesPerCall),
				ratio(runs, "ours", "floor", LoadRun::cpuMicrosPerCall),
				ratio(runs, "ours", "sdk", LoadRun::callsPerSecond), ratio(runs, "ours", "sdk", LoadRun::p50Micros));
		for (String name : names.subList(3, names.size())) {
			System.out.printf(Locale.ROOT, "ratios: %s/ours calls/s %.2f, p50 %.2f, B/call %.2f%n", name,
					ratio(runs, name, "ours", LoadRun::callsPerSecond), ratio(runs, name, "ours", LoadRun::p50Micros),
					ratio(runs, name, "ours", LoadRun::bytesPerCall));
		}
	}

	private static double median(List<LoadRun> runs, Function<LoadRun, Double> metric) {
		return Stats.median(runs.stream().mapToDouble(metric::apply).toArray());
	}

	// The median of per-round ratios: both sides of each ratio ran back to back.
	private static double ratio(Map<String, List<LoadRun>> runs, String a, String b, Function<LoadRun, Double> metric) {
		List<LoadRun> left = runs.get(a);
		List<LoadRun> right = runs.get(b);
		double[] ratios = new double[left.size()];
		for (int i = 0; i < ratios.length; i++) {
			ratios[i] = metric.apply(left.get(i)) / metric.apply(right.get(i));
		}
		return Stats.median(ratios);
	}

	private static void idle(BenchServer server, int sessions) {
		McpClientFactory factory = McpClientFactory.create();
		IdleSessions ours = IdleSessions.measure(() -> Caller.ours(factory, server.uri(false)), sessions);
		IdleSessions sdk = IdleSessions.measure(() -> Caller.sdk(server.uri(false)), sessions);
		System.out.println();
		System.out.println("== Idle sessions (" + sessions + " connected clients each)");
		System.out.printf(Locale.ROOT, "ours: %.1f KB heap and %.2f threads per session%n",
				ours.bytesPerSession() / 1024, ours.threadsPerSession());
		System.out.printf(Locale.ROOT, "sdk:  %.1f KB heap and %.2f threads per session%n",
				sdk.bytesPerSession() / 1024, sdk.threadsPerSession());
	}

	private static void parser() throws Exception {
		Map<String, Double> mibPerSecond = new HashMap<>();
		for (RunResult result : new Runner(
				new OptionsBuilder().include(SseParserBenchmark.class.getName()).shouldDoGC(true).build())
			.run()) {
			String benchmark = result.getParams().getBenchmark();
			String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
			mibPerSecond.put(name,
					result.getPrimaryResult().getScore() * SseParserBenchmark.INPUT_BYTES / (1024.0 * 1024.0));
		}
		System.out.println();
		System.out.println("== SSE parser, MiB/s (JMH)");
		System.out.printf(Locale.ROOT, "parser %.0f | lines to strings %.0f | counting newlines %.0f%n",
				mibPerSecond.get("parser"), mibPerSecond.get("linesToStrings"), mibPerSecond.get("countNewlines"));
	}

	private static void startup(int runs) throws Exception {
		StartupCost cost = StartupCost.measure(runs);
		System.out.println();
		System.out.println("== Context start, medians of " + runs + " fresh JVMs each");
		System.out.printf(Locale.ROOT, "starter disabled: %d ms, %d classes; one connection: %d ms, %d classes%n",
				cost.millisWithout(), cost.classesWithout(), cost.millisWith(), cost.classesWith());
		System.out.printf(Locale.ROOT, "one connection adds %d ms (%.0f%%) and %d classes%n",
				cost.millisWith() - cost.millisWithout(),
				100.0 * (cost.millisWith() - cost.millisWithout()) / cost.millisWithout(),
				cost.classesWith() - cost.classesWithout());
	}

}
