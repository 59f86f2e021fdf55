package io.github.mcpclient.interop;

import java.util.Map;

import io.github.mcpclient.McpClients;
import io.github.mcpclient.McpElicitationHandler;
import io.github.mcpclient.autoconfigure.McpClientAutoConfiguration;
import io.github.mcpclient.protocol.ElicitResult;
import io.github.mcpclient.protocol.Era;
import io.github.mcpclient.springai.McpToolCallbackProvider;
import io.github.mcpclient.springai.ScriptedChatModel;
import io.github.mcpclient.springai.autoconfigure.McpSpringAiAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.github.mcpclient.springai.ScriptedChatModel.callTool;
import static io.github.mcpclient.springai.ScriptedChatModel.reportToolAnswer;
import static io.github.mcpclient.springai.ScriptedChatModel.toolNames;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same bridge against a modern-era (2026-07-28) server on the TypeScript SDK v2: the
 * client finds the era by itself, and the bridge does nothing different.
 */
class ChatClientModernServerTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@RegisterExtension
	static final NodeMcpServer server = NodeMcpServer.sdkV2("modern");

	private final ScriptedChatModel model = new ScriptedChatModel();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(McpClientAutoConfiguration.class, McpSpringAiAutoConfiguration.class))
		.withPropertyValues("mcp.client.connections.modern.url=" + server.endpoint(), "mcp.client.request-timeout=15s",
				"mcp.client.initialize-timeout=15s");

	@Test
	void theModelCallsAModernToolAndItsNextTurnSeesTheAnswer() {
		this.model.then(callTool("modern_add_numbers", "{\"a\":2,\"b\":3}")).then(reportToolAnswer());

		this.runner.run((context) -> {
			assertThat(chat(context.getBean(McpToolCallbackProvider.class)).prompt("2 + 3?").call().content())
				.isEqualTo("The tool said: 5");
			assertThat(context.getBean(McpClients.class).get("modern").session().era()).isEqualTo(Era.MODERN);
			// A tool whose header declaration the spec forbids is never offered
			assertThat(toolNames(this.model.prompts().get(0))).contains("modern_add_numbers", "modern_echo_region")
				.doesNotContain("modern_bad_header");
		});
	}

	@Test
	void argumentsTheToolMirrorsIntoHeadersGetThere() {
		this.model.then(callTool("modern_echo_region", "{\"region\":\"eu-west-1\"}")).then(reportToolAnswer());

		this.runner.run((context) -> {
			String answer = chat(context.getBean(McpToolCallbackProvider.class)).prompt("Region?").call().content();
			assertThat(json.readTree(answer.substring("The tool said: ".length())))
				.isEqualTo(json.readTree("{\"region\":\"eu-west-1\",\"header\":\"eu-west-1\"}"));
		});
	}

	@Test
	void aToolThatAsksForInputUsesTheApplicationsHandler() {
		this.model.then(callTool("modern_confirm", "{\"question\":\"Deploy?\"}")).then(reportToolAnswer());

		this.runner.withUserConfiguration(AlwaysConfirm.class).run((context) -> {
			String answer = chat(context.getBean(McpToolCallbackProvider.class)).prompt("Deploy").call().content();
			assertThat(json.readTree(answer.substring("The tool said: ".length())).path("action").asString())
				.isEqualTo("accept");
			assertThat(context.getBean(AlwaysConfirm.class).questions).containsExactly("Deploy?");
		});
	}

	@Test
	void aListWhoseTimeToLiveIsZeroIsListedAgainForEveryPrompt() {
		this.runner.run((context) -> {
			McpToolCallbackProvider provider = context.getBean(McpToolCallbackProvider.class);
			int before = listings();
			provider.getToolCallbacks();
			provider.getToolCallbacks();
			assertThat(listings() - before).isEqualTo(2);
		});
	}

	private static int listings() {
		return server.output().split("mcp-method=tools/list", -1).length - 1;
	}

	private ChatClient chat(McpToolCallbackProvider provider) {
		return ChatClient.builder(this.model).defaultTools(provider).build();
	}

	@Configuration(proxyBeanMethods = false)
	static class AlwaysConfirm {

		final java.util.List<String> questions = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Bean
		McpElicitationHandler alwaysConfirm() {
			return (connection, request) -> {
				this.questions.add(request.message());
				return ElicitResult.accept(Map.of("ok", true));
			};
		}

	}

}
