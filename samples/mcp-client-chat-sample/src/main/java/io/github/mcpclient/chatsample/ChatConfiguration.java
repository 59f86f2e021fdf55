package io.github.mcpclient.chatsample;

import io.github.mcpclient.springai.McpToolCallbackProvider;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The chat client: whichever chat model the application has, with the tools of every MCP
 * connection.
 */
@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

	@Bean
	ChatClient chatClient(ChatModel chatModel, McpToolCallbackProvider mcpTools, ChatProperties properties) {
		// The provider is asked for its tools on every prompt, so a server's changed
		// tool list reaches the next prompt
		return ChatClient.builder(chatModel).defaultSystem(properties.getSystem()).defaultTools(mcpTools).build();
	}

}
