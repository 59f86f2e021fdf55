package io.github.mcpclient.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.mcpclient.transport.sse.SseEvent;
import io.github.mcpclient.transport.sse.SseEventParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The event-stream parser against two floors over the same bytes: splitting them into one
 * string per line, and only counting line feeds. One operation reads {@link #INPUT_BYTES}
 * bytes of MCP-like events in 8 KiB network-sized chunks.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SseParserBenchmark {

	static final int INPUT_BYTES;

	private static final int CHUNK = 8 * 1024;

	private static final byte[] INPUT;

	static {
		StringBuilder stream = new StringBuilder();
		int id = 0;
		while (stream.length() < 1024 * 1024) {
			stream.append("event: message\nid: ")
				.append(id++)
				.append("\ndata: {\"jsonrpc\":\"2.0\",\"id\":")
				.append(id)
				.append(",\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"")
				.append("The quick brown fox jumps over the lazy dog. ".repeat(6))
				.append("\"}],\"isError\":false}}\n\n");
		}
		INPUT = stream.toString().getBytes(StandardCharsets.UTF_8);
		INPUT_BYTES = INPUT.length;
	}

	@Benchmark
	public void parser(Blackhole blackhole) {
		SseEventParser parser = new SseEventParser(4 * 1024 * 1024);
		for (int offset = 0; offset < INPUT.length; offset += CHUNK) {
			List<SseEvent> events = parser.feed(INPUT, offset, Math.min(CHUNK, INPUT.length - offset));
			for (SseEvent event : events) {
				blackhole.consume(event.data());
			}
		}
		parser.finish();
	}

	@Benchmark
	public void linesToStrings(Blackhole blackhole) {
		List<String> lines = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < INPUT.length; i++) {
			if (INPUT[i] == '\n') {
				lines.add(new String(INPUT, start, i - start, StandardCharsets.UTF_8));
				start = i + 1;
			}
		}
		blackhole.consume(lines);
	}

	@Benchmark
	public int countNewlines() {
		int count = 0;
		for (byte b : INPUT) {
			if (b == '\n') {
				count++;
			}
		}
		return count;
	}

}
