package io.github.mcpclient.chatsample.model;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scripted model, used while {@code spring.ai.model.chat} is {@code scripted}; that
 * value also keeps every Spring AI model starter's own chat model away.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.ai.model.chat", havingValue = "scripted")
public class ScriptedModelConfiguration {

	@Bean
	ChatModel scriptedChatModel() {
		return new ScriptedChatModel();
	}

}
