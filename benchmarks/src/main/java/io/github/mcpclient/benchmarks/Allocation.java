package io.github.mcpclient.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Bytes allocated by the threads of this JVM other than the benchmark server's, read from
 * HotSpot's per-thread counters.
 */
final class Allocation {

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private final Map<Long, Long> start = snapshot();

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
