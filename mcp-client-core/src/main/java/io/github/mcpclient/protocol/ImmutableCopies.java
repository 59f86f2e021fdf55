package io.github.mcpclient.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Defensive copies for the collections held by payload records.
 */
final class ImmutableCopies {

	private ImmutableCopies() {
	}

	static <T> List<T> list(@Nullable List<T> list) {
		return (list != null) ? List.copyOf(list) : List.of();
	}

	static <T> @Nullable List<T> nullableList(@Nullable List<T> list) {
		return (list != null) ? List.copyOf(list) : null;
	}

	static <K, V> Map<K, V> map(@Nullable Map<K, V> map) {
		return (map != null) ? copy(map) : Map.of();
	}

	static <K, V> @Nullable Map<K, V> nullableMap(@Nullable Map<K, V> map) {
		return (map != null) ? copy(map) : null;
	}

	// Map.copyOf is not usable here: free-form JSON objects may hold null values, and
	// keeping the server's key order makes schemas and arguments readable when logged.
	private static <K, V> Map<K, V> copy(Map<K, V> map) {
		return Collections.unmodifiableMap(new LinkedHashMap<>(map));
	}

}
