package io.github.mcpclient.benchmarks;

import java.util.Arrays;
import java.util.List;

final class Stats {

	private Stats() {
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	static long median(List<long[]> rows, int column) {
		return (long) median(rows.stream().mapToDouble((row) -> row[column]).toArray());
	}

}
