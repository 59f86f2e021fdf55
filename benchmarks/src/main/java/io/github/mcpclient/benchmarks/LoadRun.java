package io.github.mcpclient.benchmarks;

import java.time.Duration;
import java.util.Arrays;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A number of calls made by a number of concurrent callers, with their throughput,
 * latency percentiles, allocation per call and the connections the server accepted.
 *
 * @param callsPerSecond completed calls per second
 * @param p50Micros median latency of one call
 * @param p99Micros 99th percentile latency of one call
 * @param bytesPerCall bytes allocated per call outside the server
 * @param newConnections TCP connections the server accepted during the run
 * @param cpuMicrosPerCall CPU time per call of the client's threads
 * @param serverCpuMicrosPerCall CPU time per call of the benchmark server's threads
 */
record LoadRun(double callsPerSecond, double p50Micros, double p99Micros, double bytesPerCall, long newConnections,
		double cpuMicrosPerCall, double serverCpuMicrosPerCall) {

	static LoadRun measure(Caller caller, BenchServer server, int calls, int concurrency) {
		long[] latencies = new long[calls];
		long connections = server.connectionsAccepted();
		Allocation allocation = new Allocation();
		long start = System.nanoTime();
		Flux.range(0, calls).flatMap((index) -> Mono.defer(() -> {
			long callStart = System.nanoTime();
			return caller.call().doOnSuccess((result) -> latencies[index] = System.nanoTime() - callStart);
		}), concurrency).blockLast(Duration.ofMinutes(5));
		long elapsed = System.nanoTime() - start;
		long allocated = allocation.sinceStart();
		long clientCpu = allocation.clientCpuNanos();
		long serverCpu = allocation.serverCpuNanos();
		long opened = server.connectionsAccepted() - connections;
		Arrays.sort(latencies);
		return new LoadRun(calls / (elapsed / 1e9), latencies[calls / 2] / 1e3, latencies[(int) (calls * 0.99)] / 1e3,
				(double) allocated / calls, opened, clientCpu / 1e3 / calls, serverCpu / 1e3 / calls);
	}

}
