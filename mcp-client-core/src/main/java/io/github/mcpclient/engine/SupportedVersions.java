package io.github.mcpclient.engine;

import java.util.ArrayList;
import java.util.List;

import io.github.mcpclient.exception.McpException;
import io.github.mcpclient.protocol.JsonRpcError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the versions a server lists when it refuses ours with
 * {@link JsonRpcError#UNSUPPORTED_VERSION}.
 */
final class SupportedVersions {

	private SupportedVersions() {
	}

	/**
	 * Whether a failure is the server's refusal of our protocol version.
	 * @param ex the failure
	 * @return {@code true} for an unsupported-version JSON-RPC error
	 */
	static boolean isRefusal(Throwable ex) {
		JsonRpcError error = (ex instanceof McpException mcp) ? mcp.getRpcError() : null;
		return error != null && error.code() == JsonRpcError.UNSUPPORTED_VERSION;
	}

	/**
	 * The versions a refusal lists.
	 * @param ex the failure
	 * @return the versions, or {@code null} if the failure is no refusal or lists none
	 */
	static @Nullable List<String> of(McpException ex) {
		JsonRpcError error = ex.getRpcError();
		if (!isRefusal(ex) || error == null || error.data() == null) {
			return null;
		}
		JsonNode supported = error.data().get("supported");
		if (supported == null || !supported.isArray()) {
			return null;
		}
		List<String> versions = new ArrayList<>();
		supported.forEach((version) -> versions.add(version.asString("")));
		return versions;
	}

}
