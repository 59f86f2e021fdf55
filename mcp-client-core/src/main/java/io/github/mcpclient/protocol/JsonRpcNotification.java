package io.github.mcpclient.protocol;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A JSON-RPC notification: a one-way message that gets no response.
 *
 * @param method the method name
 * @param params the parameters, or {@code null} when there are none
 * @since 0.1.0
 */
public record JsonRpcNotification(String method, @Nullable JsonNode params) implements JsonRpcMessage {
}
