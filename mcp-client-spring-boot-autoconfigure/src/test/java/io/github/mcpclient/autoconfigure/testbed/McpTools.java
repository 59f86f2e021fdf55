package io.github.mcpclient.autoconfigure.testbed;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The test bed's tools: what they answer depends on the caller's token.
 */
final class McpTools {

	private static final String SUBJECT = "subject";

	private static final String AUTHORIZATION = "authorization";

	private static final String SESSION = "session";

	private McpTools() {
	}

	/**
	 * What a tool learns of the HTTP request: the token's subject, and the
	 * {@code Authorization} header as it came, for a tool that echoes it back.
	 */
	static McpTransportContext context(HttpServletRequest request) {
		Map<String, Object> context = new LinkedHashMap<>();
		Principal principal = request.getUserPrincipal();
		if (principal != null) {
			context.put(SUBJECT, principal.getName());
		}
		String session = request.getHeader("Mcp-Session-Id");
		if (session != null) {
			context.put(SESSION, session);
		}
		String authorization = request.getHeader("Authorization");
		if (authorization != null) {
			context.put(AUTHORIZATION, authorization);
		}
		return McpTransportContext.create(context);
	}

	/** {@code my_notes}: the caller's own notes, by the token's subject. */
	static SyncToolSpecification notes() {
		return tool("my_notes", "The notes of whoever calls", (context) -> "notes of " + context.get(SUBJECT));
	}

	/** {@code my_session}: the MCP session the call came in, and whose it is. */
	static SyncToolSpecification session() {
		return tool("my_session", "The caller's MCP session",
				(context) -> "session " + context.get(SESSION) + " of " + context.get(SUBJECT));
	}

	/**
	 * {@code echo_authorization}: the request's {@code Authorization} header, as a
	 * careless server might show it.
	 */
	static SyncToolSpecification echoAuthorization() {
		return tool("echo_authorization", "Echoes the Authorization header",
				(context) -> "you sent " + context.get(AUTHORIZATION));
	}

	/**
	 * {@code echo_authorization_error}: fails the call with a JSON-RPC error that quotes
	 * the {@code Authorization} header, as a careless server might.
	 */
	static SyncToolSpecification echoAuthorizationError() {
		McpSchema.Tool tool = McpSchema.Tool.builder()
			.name("echo_authorization_error")
			.description("Fails quoting the Authorization header")
			.inputSchema(Map.of("type", "object", "properties", Map.of()))
			.build();
		return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
			throw new McpError(new McpSchema.JSONRPCResponse.JSONRPCError(-32603,
					"rejected " + exchange.transportContext().get(AUTHORIZATION)));
		}).build();
	}

	/** {@code admin_report}: served only at the endpoint that needs scope mcp.admin. */
	static SyncToolSpecification adminReport() {
		return tool("admin_report", "A report for administrators", (context) -> "report for " + context.get(SUBJECT));
	}

	private static SyncToolSpecification tool(String name, String description,
			java.util.function.Function<McpTransportContext, String> answer) {
		McpSchema.Tool tool = McpSchema.Tool.builder()
			.name(name)
			.description(description)
			.inputSchema(Map.of("type", "object", "properties", Map.of()))
			.build();
		return SyncToolSpecification.builder()
			.tool(tool)
			.callHandler((exchange, request) -> McpSchema.CallToolResult.builder()
				.addTextContent(answer.apply(exchange.transportContext()))
				.build())
			.build();
	}

}
