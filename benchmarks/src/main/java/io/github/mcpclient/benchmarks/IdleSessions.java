package io.github.mcpclient.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Heap and threads that a connected client keeps while it makes no call.
 *
 * @param bytesPerSession retained heap per client
 * @param threadsPerSession live threads per client
 */
record IdleSessions(double bytesPerSession, double threadsPerSession) {

	static IdleSessions measure(Supplier<Caller> connect, int sessions) {
		long heap = usedHeapAfterGc();
		int threads = Thread.activeCount();
		List<Caller> callers = new ArrayList<>(sessions);
		for (int i = 0; i < sessions; i++) {
			Caller caller = connect.get();
			caller.call().block(Caller.TIMEOUT);
			callers.add(caller);
		}
		long retained = usedHeapAfterGc() - heap;
		int addedThreads = Thread.activeCount() - threads;
		callers.forEach(Caller::close);
		return new IdleSessions((double) retained / sessions, (double) addedThreads / sessions);
	}

	private static long usedHeapAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
