package io.github.mcpclient.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Bytes allocated and CPU time spent by the threads of this JVM, read from HotSpot's
 * per-thread counters: the client's side (every thread but the benchmark server's) and
 * the server's apart.
 */
final class Allocation {

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private final Map<Long, Long> start = snapshot();

	private final Map<Long, Long> clientCpuStart = cpu(false);

	private final Map<Long, Long> serverCpuStart = cpu(true);

	/**
	 * Bytes allocated since this object was created by threads alive now; a thread that
	 * ended in between is missed, which only undercounts.
	 * @return the bytes
	 */
	long sinceStart() {
		long total = 0;
		for (Map.Entry<Long, Long> entry : snapshot().entrySet()) {
			total += entry.getValue() - this.start.getOrDefault(entry.getKey(), 0L);
		}
		return total;
	}

	/**
	 * CPU time spent since this object was created by the client's threads alive now.
	 * @return the nanoseconds
	 */
	long clientCpuNanos() {
		return since(this.clientCpuStart, cpu(false));
	}

	/**
	 * CPU time spent since this object was created by the benchmark server's threads.
	 * @return the nanoseconds
	 */
	long serverCpuNanos() {
		return since(this.serverCpuStart, cpu(true));
	}

	private static long since(Map<Long, Long> start, Map<Long, Long> now) {
		long total = 0;
		for (Map.Entry<Long, Long> entry : now.entrySet()) {
			total += entry.getValue() - start.getOrDefault(entry.getKey(), 0L);
		}
		return total;
	}

	private static Map<Long, Long> cpu(boolean server) {
		Map<Long, Long> nanos = new HashMap<>();
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (thread.getName().startsWith(BenchServer.THREAD_PREFIX) != server) {
				continue;
			}
			long time = THREADS.getThreadCpuTime(thread.getId());
			if (time >= 0) {
				nanos.put(thread.getId(), time);
			}
		}
		return nanos;
	}

	private static Map<Long, Long> snapshot() {
		Map<Long, Long> bytes = new HashMap<>();
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (thread.getName().startsWith(BenchServer.THREAD_PREFIX)) {
				continue;
			}
			long allocated = THREADS.getThreadAllocatedBytes(thread.getId());
			if (allocated >= 0) {
				bytes.put(thread.getId(), allocated);
			}
		}
		return bytes;
	}

}
