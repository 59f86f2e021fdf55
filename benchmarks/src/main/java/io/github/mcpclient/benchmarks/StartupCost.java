package io.github.mcpclient.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one configured connection adds to an application's start, from
 * {@link StartupProbe} runs in fresh JVMs, alternating with and without the starter's
 * clients.
 *
 * @param millisWithout median context start without clients
 * @param millisWith median context start with one connection
 * @param classesWithout median classes loaded without clients
 * @param classesWith median classes loaded with one connection
 */
record StartupCost(long millisWithout, long millisWith, long classesWithout, long classesWith) {

	private static final Pattern OUTPUT = Pattern.compile("startup millis=(\\d+) classes=(\\d+)");

	static StartupCost measure(int runs) throws IOException, InterruptedException {
		List<long[]> without = new ArrayList<>();
		List<long[]> with = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			without.add(probe("none"));
			with.add(probe("one"));
		}
		return new StartupCost(Stats.median(without, 0), Stats.median(with, 0), Stats.median(without, 1),
				Stats.median(with, 1));
	}

	private static long[] probe(String mode) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
				StartupProbe.class.getName(), mode)
			.redirectErrorStream(true)
			.start();
		String output;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			output = String.join("\n", reader.lines().toList());
		}
		process.waitFor();
		Matcher matcher = OUTPUT.matcher(output);
		if (!matcher.find()) {
			throw new IllegalStateException("startup probe failed:\n" + output);
		}
		return new long[] { Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)) };
	}

}
