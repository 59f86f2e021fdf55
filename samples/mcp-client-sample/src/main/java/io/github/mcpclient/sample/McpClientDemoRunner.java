package io.github.mcpclient.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.exception.McpException;
import io.github.mcpclient.protocol.CallToolResult;
import io.github.mcpclient.protocol.Content;
import io.github.mcpclient.protocol.Implementation;
import io.github.mcpclient.protocol.TextContent;
import io.github.mcpclient.protocol.Tool;
import io.github.mcpclient.session.McpSession;
import io.github.mcpclient.session.SessionIds;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Once the application has started, lists the server's tools and calls one of them,
 * logging what it finds.
 */
@Component
final class McpClientDemoRunner implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(McpClientDemoRunner.class);

	private static final String ADD_NUMBERS = "add_numbers";

	private static final int MAX_RESULT_LENGTH = 200;

	private final McpClient client;

	McpClientDemoRunner(McpClient client) {
		this.client = client;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			List<Tool> tools = this.client.listAllTools();
			logConnection(this.client.session());
			logTools(tools);
			callOneTool(tools);
		}
		catch (McpException ex) {
			// Keep running: /actuator/mcp then shows the connection's state and why it
			// failed
			logger.warn("Could not talk to MCP server '" + this.client.name() + "' at " + this.client.session().url()
					+ ": " + ex.getMessage());
		}
	}

	private void logConnection(McpSession session) {
		Implementation server = session.serverInfo();
		String serverName = (server != null) ? server.name() + " " + server.version() : "an unnamed server";
		logger.info("Connected to " + serverName + " at " + session.url() + " (protocol " + session.protocolVersion()
				+ ", session " + SessionIds.mask(session.sessionId()) + ")");
	}

	private void logTools(List<Tool> tools) {
		logger.info("The server offers " + tools.size() + ((tools.size() != 1) ? " tools" : " tool")
				+ ((tools.isEmpty()) ? "" : ":"));
		for (Tool tool : tools) {
			String description = (tool.description() != null) ? " - " + tool.description() : "";
			logger.info("  " + tool.name() + description);
		}
	}

	private void callOneTool(List<Tool> tools) {
		Tool tool = find(tools, ADD_NUMBERS);
		Map<String, Object> arguments = new LinkedHashMap<>();
		if (tool != null) {
			arguments.put("a", 2);
			arguments.put("b", 3);
		}
		else {
			tool = firstReadOnlyToolWithoutArguments(tools);
			if (tool == null) {
				logger.info("No " + ADD_NUMBERS + " tool, and no read-only tool that needs no arguments: "
						+ "none was called");
				return;
			}
			logger.info("No " + ADD_NUMBERS + " tool; calling " + tool.name()
					+ ", the first read-only tool that needs no arguments");
		}
		CallToolResult result = this.client.callTool(tool.name(), arguments);
		logger.info("Called " + tool.name() + " " + arguments + ((result.isError()) ? " and it failed: " : ": ")
				+ abbreviate(text(result.content())));
	}

	private static @Nullable Tool find(List<Tool> tools, String name) {
		return tools.stream().filter((tool) -> tool.name().equals(name)).findFirst().orElse(null);
	}

	private static @Nullable Tool firstReadOnlyToolWithoutArguments(List<Tool> tools) {
		// We cannot know what another server's tools do, so only a tool that says it
		// changes nothing is called, and only one we need not invent arguments for
		for (Tool tool : tools) {
			boolean readOnly = tool.annotations() != null && Boolean.TRUE.equals(tool.annotations().readOnlyHint());
			boolean needsArguments = tool.inputSchema().get("required") instanceof List<?> required
					&& !required.isEmpty();
			if (readOnly && !needsArguments) {
				return tool;
			}
		}
		return null;
	}

	private static String text(List<Content> content) {
		return content.stream()
			.map((block) -> (block instanceof TextContent textContent) ? textContent.text() : "[" + block.type() + "]")
			.collect(Collectors.joining(" "));
	}

	private static String abbreviate(String text) {
		// One readable log line, whatever size and layout the result has
		String line = text.replaceAll("\\s+", " ").trim();
		return (line.length() <= MAX_RESULT_LENGTH) ? line : line.substring(0, MAX_RESULT_LENGTH) + "...";
	}

}
