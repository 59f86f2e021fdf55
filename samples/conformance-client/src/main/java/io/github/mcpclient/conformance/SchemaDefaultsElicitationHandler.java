package io.github.mcpclient.conformance;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.mcpclient.McpElicitationHandler;
import io.github.mcpclient.protocol.ElicitRequest;
import io.github.mcpclient.protocol.ElicitResult;

/**
 * Accepts every form elicitation with the defaults its schema declares, as a user who
 * submits a pre-filled form unchanged would.
 */
final class SchemaDefaultsElicitationHandler implements McpElicitationHandler {

	@Override
	public ElicitResult elicit(String connectionName, ElicitRequest request) {
		Map<String, Object> values = new LinkedHashMap<>();
		Map<String, Object> schema = request.requestedSchema();
		if (schema != null && schema.get("properties") instanceof Map<?, ?> properties) {
			properties.forEach((name, property) -> {
				if (property instanceof Map<?, ?> definition && definition.containsKey("default")) {
					values.put(String.valueOf(name), definition.get("default"));
				}
			});
		}
		return ElicitResult.accept(values);
	}

}
