package io.github.mcpclient.oauthsample.app;

import java.util.Map;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.exception.McpException;
import io.github.mcpclient.protocol.CallToolResult;
import io.github.mcpclient.protocol.TextContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Once the application has started, calls the protected server's {@code my_notes} tool,
 * whose answer depends on who the token says the caller is.
 */
@Component
class NotesRunner implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(NotesRunner.class);

	private final McpClient client;

	NotesRunner(McpClient client) {
		this.client = client;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			CallToolResult result = this.client.callTool("my_notes", Map.of());
			String text = result.content()
				.stream()
				.filter(TextContent.class::isInstance)
				.map((content) -> ((TextContent) content).text())
				.findFirst()
				.orElse("(no text)");
			logger.info("Called my_notes on '" + this.client.name() + "': " + text);
		}
		catch (McpException ex) {
			// Keep running: /actuator/mcp shows the connection's authorization state
			logger.warn("Could not call my_notes on '" + this.client.name() + "': " + ex.getMessage());
		}
	}

}
