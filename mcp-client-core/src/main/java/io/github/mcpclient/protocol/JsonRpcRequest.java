package io.github.mcpclient.protocol;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A JSON-RPC request: a method call that expects a response with the same id.
 *
 * @param id the request id, a JSON string or number
 * @param method the method name
 * @param params the parameters, or {@code null} when there are none
 * @since 0.1.0
 */
public record JsonRpcRequest(JsonNode id, String method, @Nullable JsonNode params) implements JsonRpcMessage {
}
