package io.github.mcpclient.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.mcpclient.protocol.ClientCapabilities;
import io.github.mcpclient.protocol.Implementation;
import io.github.mcpclient.protocol.LoggingLevel;
import io.github.mcpclient.protocol.McpMethods;
import io.github.mcpclient.protocol.Tool;
import io.github.mcpclient.transport.McpHeaders;
import io.github.mcpclient.transport.headers.McpHeaderValues;
import io.github.mcpclient.transport.headers.ToolHeaderMappings;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;

/**
 * What makes a request modern (2026-07-28): the protocol version, capabilities and client
 * identity in {@code _meta}, and the headers that mirror the body for intermediaries,
 * including the {@code Mcp-Param-*} headers tools ask for.
 *
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http">Streamable
 * HTTP</a>
 */
final class ModernRequests {

	static final String PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";

	static final String CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";

	static final String CLIENT_INFO = "io.modelcontextprotocol/clientInfo";

	static final String LOG_LEVEL = "io.modelcontextprotocol/logLevel";

	private static final Log logger = LogFactory.getLog(ModernRequests.class);

	private final String connectionName;

	private final Implementation clientInfo;

	private final ClientCapabilities capabilities;

	private final JsonMapper mapper;

	// The header mappings of the tools last listed; a tool not listed yet gets none.
	private final Map<String, ToolHeaderMappings> toolHeaders = new ConcurrentHashMap<>();

	private volatile @Nullable LoggingLevel logLevel;

	ModernRequests(String connectionName, Implementation clientInfo, ClientCapabilities capabilities,
			JsonMapper mapper) {
		this.connectionName = connectionName;
		this.clientInfo = clientInfo;
		this.capabilities = capabilities;
		this.mapper = mapper;
	}

	/**
	 * Parameters with the modern {@code _meta} added; the reserved keys win over any the
	 * caller set.
	 * @param version the protocol version the request speaks
	 * @param params the caller's parameters, or {@code null}
	 * @return the parameters to send
	 */
	ObjectNode params(String version, @Nullable JsonNode params) {
		ObjectNode shaped = (params != null && params.isObject()) ? ((ObjectNode) params).deepCopy()
				: this.mapper.createObjectNode();
		JsonNode existing = shaped.get("_meta");
		ObjectNode meta = (existing != null && existing.isObject()) ? (ObjectNode) existing
				: this.mapper.createObjectNode();
		meta.put(PROTOCOL_VERSION, version);
		meta.set(CLIENT_CAPABILITIES, this.mapper.valueToTree(this.capabilities));
		meta.set(CLIENT_INFO, this.mapper.valueToTree(this.clientInfo));
		LoggingLevel level = this.logLevel;
		if (level != null) {
			meta.set(LOG_LEVEL, this.mapper.valueToTree(level));
		}
		shaped.set("_meta", meta);
		return shaped;
	}

	/**
	 * The headers a modern request carries.
	 * @param version the protocol version the request speaks
	 * @param method the method
	 * @param params the parameters as sent
	 * @return the headers
	 */
	HttpHeaders headers(String version, String method, JsonNode params) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(McpHeaders.PROTOCOL_VERSION, version);
		headers.set(McpHeaders.METHOD, method);
		String name = switch (method) {
			case McpMethods.TOOLS_CALL, McpMethods.PROMPTS_GET -> text(params.get("name"));
			case McpMethods.RESOURCES_READ -> text(params.get("uri"));
			default -> null;
		};
		if (name != null) {
			headers.set(McpHeaders.NAME, McpHeaderValues.encode(name));
		}
		if (McpMethods.TOOLS_CALL.equals(method) && name != null) {
			ToolHeaderMappings mappings = this.toolHeaders.get(name);
			if (mappings != null) {
				JsonNode arguments = params.get("arguments");
				Map<String, Object> values = (arguments != null && arguments.isObject())
						? this.mapper.convertValue(arguments, Map.class) : Map.of();
				mappings.headersFor(values).forEach(headers::set);
			}
		}
		return headers;
	}

	/**
	 * Keep the tools whose header annotations are valid, remembering their mappings; the
	 * others cannot be called correctly and are dropped with a warning.
	 * @param tools the tools a server listed
	 * @return the usable tools
	 */
	List<Tool> usable(List<Tool> tools) {
		List<Tool> usable = new ArrayList<>(tools.size());
		for (Tool tool : tools) {
			ToolHeaderMappings.Result result = ToolHeaderMappings.of(tool.inputSchema());
			if (result.isValid()) {
				this.toolHeaders.put(tool.name(), result.mappings());
				usable.add(tool);
			}
			else {
				this.toolHeaders.remove(tool.name());
				logger.warn("Connection '" + this.connectionName + "' ignores tool '" + tool.name()
						+ "': its header annotations are invalid: " + String.join("; ", result.problems()));
			}
		}
		return usable;
	}

	void logLevel(LoggingLevel level) {
		this.logLevel = level;
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return (node != null && node.isString()) ? node.asString() : null;
	}

}
