package io.github.mcpclient.transport;

import io.github.mcpclient.exception.InvalidMessageException;
import io.github.mcpclient.protocol.JsonRpcError;
import io.github.mcpclient.protocol.JsonRpcMessage;
import io.github.mcpclient.protocol.JsonRpcNotification;
import io.github.mcpclient.protocol.JsonRpcRequest;
import io.github.mcpclient.protocol.JsonRpcResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.TypeSerializer;

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
		if (message instanceof JsonRpcRequest request) {
			return writeRequest(request.id(), request.method(), request.params());
		}
		if (message instanceof JsonRpcNotification notification) {
			return writeNotification(notification.method(), notification.params());
		}
		return this.mapper.writeValueAsBytes(new Envelope(message, null, null, null));
	}

	/**
	 * Serialize a request whose parameters are still the caller's objects, in one pass:
	 * they are written as they are, not turned into a JSON tree first.
	 * @param id the request id
	 * @param method the method
	 * @param params the parameters (any value the mapper can write, a {@link JsonNode}
	 * included), or {@code null} for none
	 * @return the JSON bytes
	 */
	public byte[] writeRequest(JsonNode id, String method, @Nullable Object params) {
		return this.mapper.writeValueAsBytes(new Envelope(null, id, method, params));
	}

	/**
	 * Serialize a notification whose parameters are still the caller's objects, in one
	 * pass.
	 * @param method the method
	 * @param params the parameters, or {@code null} for none
	 * @return the JSON bytes
	 */
	public byte[] writeNotification(String method, @Nullable Object params) {
		return this.mapper.writeValueAsBytes(new Envelope(null, null, method, params));
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
	 * Parse one JSON-RPC message from text, such as the data of an SSE event.
	 * @param json the JSON text
	 * @return the message
	 * @throws InvalidMessageException if the text is not JSON or not a JSON-RPC message
	 */
	public JsonRpcMessage read(String json) {
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

	private static String describe(@Nullable JsonNode node) {
		return (node == null) ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * What goes on the wire, written field by field straight into the mapper's output: a
	 * request or notification from its parts, or a response.
	 */
	private static final class Envelope extends JacksonSerializable.Base {

		private final @Nullable JsonRpcMessage response;

		private final @Nullable JsonNode id;

		private final @Nullable String method;

		private final @Nullable Object params;

		Envelope(@Nullable JsonRpcMessage response, @Nullable JsonNode id, @Nullable String method,
				@Nullable Object params) {
			this.response = response;
			this.id = id;
			this.method = method;
			this.params = params;
		}

		@Override
		public void serialize(JsonGenerator generator, SerializationContext context) {
			generator.writeStartObject();
			generator.writeStringProperty("jsonrpc", JsonRpcMessage.VERSION);
			if (this.response instanceof JsonRpcResponse response) {
				writeResponse(generator, context, response);
			}
			else {
				if (this.id != null) {
					generator.writeName("id");
					context.writeValue(generator, this.id);
				}
				generator.writeStringProperty("method", this.method);
				if (isPresent(this.params)) {
					generator.writeName("params");
					context.writeValue(generator, this.params);
				}
			}
			generator.writeEndObject();
		}

		private static void writeResponse(JsonGenerator generator, SerializationContext context,
				JsonRpcResponse response) {
			generator.writeName("id");
			context.writeValue(generator, response.id());
			JsonRpcError error = response.error();
			if (error != null) {
				generator.writeName("error");
				generator.writeStartObject();
				generator.writeNumberProperty("code", error.code());
				generator.writeStringProperty("message", error.message());
				if (isPresent(error.data())) {
					generator.writeName("data");
					context.writeValue(generator, error.data());
				}
				generator.writeEndObject();
			}
			else {
				generator.writeName("result");
				JsonNode result = response.result();
				if (result != null) {
					context.writeValue(generator, result);
				}
				else {
					generator.writeStartObject();
					generator.writeEndObject();
				}
			}
		}

		private static boolean isPresent(@Nullable Object value) {
			return value != null && !(value instanceof JsonNode node && (node.isNull() || node.isMissingNode()));
		}

		@Override
		public void serializeWithType(JsonGenerator generator, SerializationContext context,
				TypeSerializer typeSerializer) {
			serialize(generator, context);
		}

	}

}
