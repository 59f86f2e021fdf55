package io.github.mcpclient.chatsample;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import io.github.mcpclient.springai.McpToolCallbackProvider;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Asks the questions and prints the conversation.
 */
@Component
final class ChatRunner implements ApplicationRunner {

	private final ChatClient chat;

	private final McpToolCallbackProvider mcpTools;

	private final ChatProperties properties;

	private final PrintStream out = System.out;

	ChatRunner(ChatClient chat, McpToolCallbackProvider mcpTools, ChatProperties properties) {
		this.chat = chat;
		this.mcpTools = mcpTools;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> questions = args.getNonOptionArgs().isEmpty() ? this.properties.getQuestions()
				: args.getNonOptionArgs();
		this.out.println("Tools offered to the model: " + toolNames());
		for (String question : questions) {
			this.out.println();
			this.out.println("You:       " + question);
			this.out.println("Assistant: " + this.chat.prompt(question).call().content());
		}
	}

	private List<String> toolNames() {
		return Arrays.stream(this.mcpTools.getToolCallbacks())
			.map(ToolCallback::getToolDefinition)
			.map((definition) -> definition.name())
			.toList();
	}

}
