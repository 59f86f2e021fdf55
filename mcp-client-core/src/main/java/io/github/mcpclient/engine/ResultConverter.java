package io.github.mcpclient.engine;

import io.github.mcpclient.exception.McpInvalidResponseException;
import io.github.mcpclient.transport.Redactor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the JSON result of a request into its record; a result of the wrong shape is the
 * server's protocol error, reported as {@link McpInvalidResponseException}.
 */
final class ResultConverter {

	private final String connectionName;

	private final JsonMapper mapper;

	private final Redactor redactor;

	ResultConverter(String connectionName, JsonMapper mapper, Redactor redactor) {
		this.connectionName = connectionName;
		this.mapper = mapper;
		this.redactor = redactor;
	}

	<T> T convert(JsonNode result, Class<T> type, String method) {
		try {
			return this.mapper.treeToValue(result, type);
		}
		catch (JacksonException ex) {
			throw invalid(type, method, ex.getOriginalMessage(), ex);
		}
		catch (NullPointerException | IllegalArgumentException ex) {
			// A record's constructor refused a missing or invalid field.
			throw invalid(type, method, ex.getMessage(), ex);
		}
	}

	private McpInvalidResponseException invalid(Class<?> type, String method, String detail, Exception cause) {
		return new McpInvalidResponseException(this.connectionName, method,
				// The parser quotes what the server sent.
				"server result does not match " + type.getSimpleName() + ": " + this.redactor.redact(detail), cause);
	}

}
