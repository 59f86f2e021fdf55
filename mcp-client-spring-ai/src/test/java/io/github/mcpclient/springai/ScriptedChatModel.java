package io.github.mcpclient.springai;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;

/**
 * A chat model that plays turns a test wrote in advance, in place of a language model,
 * and remembers every prompt it was given. It supports tool calling, so Spring AI's own
 * tool-calling loop runs the tools it asks for.
 */
public final class ScriptedChatModel implements ChatModel {

	private final Deque<Function<Prompt, AssistantMessage>> turns = new ConcurrentLinkedDeque<>();

	private final List<Prompt> prompts = new CopyOnWriteArrayList<>();

	/**
	 * Add the next turn.
	 * @param turn what the model answers to the prompt it is given
	 * @return this model
	 */
	public ScriptedChatModel then(Function<Prompt, AssistantMessage> turn) {
		this.turns.add(turn);
		return this;
	}

	/**
	 * A turn that asks for a tool.
	 * @param toolName the name the model was offered
	 * @param arguments the arguments, as JSON
	 * @return the turn
	 */
	public static Function<Prompt, AssistantMessage> callTool(String toolName, String arguments) {
		return (prompt) -> AssistantMessage.builder()
			.toolCalls(List.of(new AssistantMessage.ToolCall("call-" + toolName, "function", toolName, arguments)))
			.build();
	}

	/**
	 * A turn that answers with what the last tool said.
	 * @return the turn
	 */
	public static Function<Prompt, AssistantMessage> reportToolAnswer() {
		return (prompt) -> new AssistantMessage("The tool said: " + lastToolAnswer(prompt));
	}

	/**
	 * A turn that answers with the names of the tools it was offered.
	 * @return the turn
	 */
	public static Function<Prompt, AssistantMessage> reportToolNames() {
		return (prompt) -> new AssistantMessage("I can use: " + String.join(", ", toolNames(prompt)));
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		this.prompts.add(prompt);
		Function<Prompt, AssistantMessage> turn = this.turns.poll();
		if (turn == null) {
			throw new IllegalStateException("The script has no turn left for prompt " + prompt.getInstructions());
		}
		return new ChatResponse(List.of(new Generation(turn.apply(prompt))));
	}

	@Override
	public ChatOptions getOptions() {
		return ToolCallingChatOptions.builder().build();
	}

	/**
	 * Every prompt the model was given.
	 * @return the prompts, in order
	 */
	public List<Prompt> prompts() {
		return this.prompts;
	}

	/**
	 * The names of the tools a prompt offered.
	 * @param prompt the prompt
	 * @return the names
	 */
	public static List<String> toolNames(Prompt prompt) {
		List<String> names = new ArrayList<>();
		if (prompt.getOptions() instanceof ToolCallingChatOptions options && options.getToolCallbacks() != null) {
			for (ToolCallback callback : options.getToolCallbacks()) {
				names.add(callback.getToolDefinition().name());
			}
		}
		return names;
	}

	/**
	 * What the last tool answered in a prompt's conversation.
	 * @param prompt the prompt
	 * @return the tool's answer
	 */
	public static String lastToolAnswer(Prompt prompt) {
		List<Message> messages = prompt.getInstructions();
		for (int i = messages.size() - 1; i >= 0; i--) {
			if (messages.get(i) instanceof ToolResponseMessage response) {
				return response.getResponses().get(response.getResponses().size() - 1).responseData();
			}
		}
		throw new IllegalStateException("No tool answered in " + messages);
	}

}
