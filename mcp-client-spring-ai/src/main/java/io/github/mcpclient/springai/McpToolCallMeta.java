package io.github.mcpclient.springai;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.model.ToolContext;

/**
 * Chooses what of a call's {@link ToolContext} is sent to the server, as the
 * {@code _meta} of the {@code tools/call} request. Nothing else of the tool context is
 * ever sent.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface McpToolCallMeta {

	/**
	 * The tool-context key whose value, a map, the default sends as {@code _meta}.
	 */
	String TOOL_CONTEXT_KEY = "mcp.meta";

	/**
	 * The {@code _meta} entries to send with one call.
	 * @param tool the tool being called
	 * @param context what the application put in the tool context
	 * @return the entries, or {@code null} or empty to send none
	 */
	@Nullable Map<String, Object> meta(McpToolCallback tool, ToolContext context);

	/**
	 * The default: the map under {@value #TOOL_CONTEXT_KEY}, if there is one; entries
	 * whose key is not a string are left out.
	 * @return the mapping
	 */
	static McpToolCallMeta fromToolContextEntry() {
		return (tool, context) -> {
			if (!(context.getContext().get(TOOL_CONTEXT_KEY) instanceof Map<?, ?> entries)) {
				return null;
			}
			Map<String, Object> meta = new LinkedHashMap<>();
			entries.forEach((key, value) -> {
				if (key instanceof String name) {
					meta.put(name, value);
				}
			});
			return meta;
		};
	}

	/**
	 * Send nothing of the tool context.
	 * @return the mapping
	 */
	static McpToolCallMeta none() {
		return (tool, context) -> null;
	}

}
