package io.github.mcpclient.chatsample.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;

/**
 * A chat model that follows a few fixed rules instead of a language model: asked about
 * the weather, a sum or the time, it asks for the offered tool whose name ends in
 * {@code weather}, {@code add_numbers} or {@code current_time}; given a tool's answer, it
 * repeats it. It knows nothing else.
 */
final class ScriptedChatModel implements ChatModel {

	private static final Pattern WEATHER = Pattern.compile("weather in ([\\p{L} .'-]+?)[?.!]*$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SUM = Pattern
		.compile("(-?\\d+(?:\\.\\d+)?)\\s*(?:\\+|plus|and)\\s*(-?\\d+(?:\\.\\d+)?)", Pattern.CASE_INSENSITIVE);

	@Override
	public ChatResponse call(Prompt prompt) {
		return new ChatResponse(List.of(new Generation(answer(prompt))));
	}

	@Override
	public ChatOptions getOptions() {
		return ToolCallingChatOptions.builder().build();
	}

	private AssistantMessage answer(Prompt prompt) {
		List<Message> messages = prompt.getInstructions();
		Message last = messages.get(messages.size() - 1);
		if (last instanceof ToolResponseMessage toolAnswer) {
			ToolResponseMessage.ToolResponse response = toolAnswer.getResponses().get(0);
			return new AssistantMessage("The tool " + response.name() + " says: " + response.responseData());
		}
		String question = (last instanceof UserMessage user && user.getText() != null) ? user.getText() : "";
		List<ToolCallback> tools = tools(prompt);
		Matcher weather = WEATHER.matcher(question.trim());
		if (weather.find()) {
			return call(tools, "weather", "{\"city\":\"" + escape(weather.group(1).trim()) + "\"}")
				.orElseGet(() -> noTool("weather"));
		}
		Matcher sum = SUM.matcher(question);
		if (sum.find()) {
			return call(tools, "add_numbers", "{\"a\":" + sum.group(1) + ",\"b\":" + sum.group(2) + "}")
				.orElseGet(() -> noTool("sums"));
		}
		if (question.toLowerCase(Locale.ROOT).contains("time")) {
			return call(tools, "current_time", "{}").orElseGet(() -> noTool("the time"));
		}
		return new AssistantMessage("I am a scripted model: ask me about the weather in a city, a sum, or the time. "
				+ "Add a real model to ask anything else.");
	}

	private static Optional<AssistantMessage> call(List<ToolCallback> tools, String suffix, String arguments) {
		return tools.stream()
			.map((tool) -> tool.getToolDefinition().name())
			.filter((name) -> name.endsWith(suffix))
			.findFirst()
			.map((name) -> AssistantMessage.builder()
				.toolCalls(List.of(new AssistantMessage.ToolCall("call-" + name, "function", name, arguments)))
				.build());
	}

	private static AssistantMessage noTool(String topic) {
		return new AssistantMessage("No tool for " + topic + " is offered to me right now.");
	}

	private static List<ToolCallback> tools(Prompt prompt) {
		if (prompt.getOptions() instanceof ToolCallingChatOptions options) {
			@Nullable List<ToolCallback> callbacks = options.getToolCallbacks();
			return (callbacks != null) ? callbacks : List.of();
		}
		return List.of();
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
