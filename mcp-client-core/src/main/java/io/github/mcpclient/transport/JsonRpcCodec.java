package io.github.mcpclient.transport;

import io.github.mcpclient.exception.InvalidMessageException;
import io.github.mcpclient.protocol.JsonRpcError;
import io.github.mcpclient.protocol.JsonRpcMessage;
import io.github.mcpclient.protocol.JsonRpcNotification;
import io.github.mcpclient.protocol.JsonRpcRequest;
import io.github.mcpclient.protocol.JsonRpcResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes JSON-RPC messages with a Jackson mapper.
 *
 * @since 0.1.0
 */
public final class JsonRpcCodec {

	private final JsonMapper mapper;

	public JsonRpcCodec(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * The mapper used for payloads.
	 * @return the mapper
	 */
	public JsonMapper mapper() {
		return this.mapper;
	}

	/**
	 * Serialize a message to UTF-8 JSON.
	 * @param message the message
	 * @return the JSON bytes
	 */
	public byte[] write(JsonRpcMessage message) {
		ObjectNode node = this.mapper.createObjectNode();
		node.put("jsonrpc", JsonRpcMessage.VERSION);
		if (message instanceof JsonRpcRequest request) {
			node.set("id", request.id());
			node.put("method", request.method());
			putIfPresent(node, "params", request.params());
		}
		else if (message instanceof JsonRpcNotification notification) {
			node.put("method", notification.method());
			putIfPresent(node, "params", notification.params());
		}
		else if (message instanceof JsonRpcResponse response) {
			node.set("id", response.id());
			JsonRpcError error = response.error();
			if (error != null) {
				ObjectNode errorNode = node.putObject("error");
				errorNode.put("code", error.code());
				errorNode.put("message", error.message());
				putIfPresent(errorNode, "data", error.data());
			}
			else {
				JsonNode result = response.result();
				node.set("result", (result != null) ? result : this.mapper.createObjectNode());
			}
		}
		return this.mapper.writeValueAsBytes(node);
	}

	/**
	 * Parse one JSON-RPC message.
	 * @param json the UTF-8 JSON text
	 * @return the message
	 * @throws InvalidMessageException if the text is not JSON or not a JSON-RPC message
	 */
	public JsonRpcMessage read(byte[] json) {
		JsonNode node;
		try {
			node = this.mapper.readTree(json);
		}
		catch (JacksonException ex) {
			throw new InvalidMessageException("not valid JSON (" + ex.getOriginalMessage() + ")");
		}
		return read(node);
	}

	/**
	 * Classify a JSON value as a JSON-RPC message.
	 * @param node the parsed JSON
	 * @return the message
	 * @throws InvalidMessageException if the value is not a JSON-RPC message
	 */
	public JsonRpcMessage read(JsonNode node) {
		if (node == null || !node.isObject()) {
			throw new InvalidMessageException("expected a JSON-RPC object but got " + describe(node));
		}
		JsonNode id = node.get("id");
		JsonNode method = node.get("method");
		if (method != null) {
			if (!method.isString()) {
				throw new InvalidMessageException("'method' is not a string");
			}
			JsonNode params = node.get("params");
			if (id == null || id.isNull()) {
				return new JsonRpcNotification(method.asString(), params);
			}
			return new JsonRpcRequest(checkId(id), method.asString(), params);
		}
		if (id == null) {
			throw new InvalidMessageException("message has neither 'method' nor 'id'");
		}
		JsonNode error = node.get("error");
		if (error != null && !error.isNull()) {
			return new JsonRpcResponse(id, null, readError(error));
		}
		if (!node.has("result")) {
			throw new InvalidMessageException("response has neither 'result' nor 'error'");
		}
		return new JsonRpcResponse(id, node.get("result"), null);
	}

	/**
	 * Read a JSON-RPC error object leniently, as error bodies of HTTP responses are.
	 * @param error the error object
	 * @return the error
	 */
	public static JsonRpcError readError(JsonNode error) {
		if (!error.isObject()) {
			throw new InvalidMessageException("'error' is not an object");
		}
		int code = error.path("code").asInt(JsonRpcError.INTERNAL_ERROR);
		String message = error.path("message").asString("");
		return new JsonRpcError(code, message, error.get("data"));
	}

	private static JsonNode checkId(JsonNode id) {
		if (!id.isString() && !id.isIntegralNumber()) {
			throw new InvalidMessageException("'id' must be a string or an integer");
		}
		return id;
	}

	private static void putIfPresent(ObjectNode node, String name, @Nullable JsonNode value) {
		if (value != null && !value.isNull() && !value.isMissingNode()) {
			node.set(name, value);
		}
	}

	private static String describe(@Nullable JsonNode node) {
		return (node == null) ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
	}

}
