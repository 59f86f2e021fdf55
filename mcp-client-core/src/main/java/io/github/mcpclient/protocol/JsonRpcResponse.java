package io.github.mcpclient.protocol;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A JSON-RPC response, carrying either a result or an error for the request with the same
 * id.
 *
 * @param id the id of the request this answers
 * @param result the result when the call succeeded
 * @param error the error when it failed
 * @since 0.1.0
 */
public record JsonRpcResponse(JsonNode id, @Nullable JsonNode result,
		@Nullable JsonRpcError error) implements JsonRpcMessage {

	/**
	 * Whether this response answers the request with the given id.
	 * @param requestId the id the client sent
	 * @return {@code true} if the ids are equal as JSON values
	 */
	public boolean answers(JsonNode requestId) {
		if (this.id.isNumber() && requestId.isNumber()) {
			// Ids are nearly always small integers, compared without a BigDecimal each.
			if (this.id.isIntegralNumber() && requestId.isIntegralNumber() && this.id.canConvertToLong()
					&& requestId.canConvertToLong()) {
				return this.id.longValue() == requestId.longValue();
			}
			return this.id.decimalValue().compareTo(requestId.decimalValue()) == 0;
		}
		return this.id.equals(requestId);
	}

}
