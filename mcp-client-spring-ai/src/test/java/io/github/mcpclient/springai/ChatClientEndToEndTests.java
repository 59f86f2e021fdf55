package io.github.mcpclient.springai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.mcpclient.McpClientCustomizer;
import io.github.mcpclient.autoconfigure.McpClientAutoConfiguration;
import io.github.mcpclient.springai.autoconfigure.McpSpringAiAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.ClientRequest;

import static io.github.mcpclient.springai.ScriptedChatModel.callTool;
import static io.github.mcpclient.springai.ScriptedChatModel.reportToolAnswer;
import static io.github.mcpclient.springai.ScriptedChatModel.reportToolNames;
import static io.github.mcpclient.springai.ScriptedChatModel.toolNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real {@link ChatClient} whose scripted model asks for MCP tools: Spring AI's own
 * tool-calling loop runs them against a real server (the MCP Java SDK's, in the legacy
 * era) and the model's next turn sees what they answered.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChatClientEndToEndTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@RegisterExtension
	static final SdkToolServer server = new SdkToolServer();

	private final ScriptedChatModel model = new ScriptedChatModel();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(McpClientAutoConfiguration.class, McpSpringAiAutoConfiguration.class))
		.withPropertyValues("mcp.client.request-timeout=15s", "mcp.client.initialize-timeout=15s");

	private AssertableApplicationContext context;

	@Test
	void theModelCallsAnMcpToolAndItsNextTurnSeesTheAnswer() {
		this.model.then(callTool("demo_add_numbers", "{\"a\":2,\"b\":3}")).then(reportToolAnswer());

		run(connection("demo", server.url()), (chat) -> {
			assertThat(chat.prompt("What is 2 + 3?").call().content()).isEqualTo("The tool said: 5");
			assertThat(toolNames(this.model.prompts().get(0))).contains("demo_add_numbers", "demo_echo", "demo_whoami",
					"demo_divide");
			assertThat(this.model.prompts()).hasSize(2);
		});
	}

	@Test
	void argumentsArriveAsTheModelWroteThem() {
		String arguments = "{\"city\":\"S\u00e3o Paulo \u6771\u4eac\",\"days\":3,\"ratio\":0.1,\"big\":12345678901234567890,"
				+ "\"unit\":null,\"where\":{\"lat\":-23.55,\"tags\":[\"a\",null,true]}}";
		this.model.then(callTool("demo_echo", arguments)).then(reportToolAnswer());

		run(connection("demo", server.url()), (chat) -> {
			String answer = chat.prompt("Echo this").call().content();
			assertThat(answer).startsWith("The tool said: ");
			assertThat(json.readTree(answer.substring("The tool said: ".length()))).isEqualTo(json.readTree(arguments));
		});
	}

	@Test
	void aToolErrorGoesBackToTheModelWhichCanTryAgain() {
		this.model.then(callTool("demo_divide", "{\"a\":10,\"b\":0}")).then((prompt) -> {
			assertThat(ScriptedChatModel.lastToolAnswer(prompt)).isEqualTo("Cannot divide by zero; pass a non-zero b");
			return callTool("demo_divide", "{\"a\":10,\"b\":4}").apply(prompt);
		}).then(reportToolAnswer());

		run(connection("demo", server.url()),
				(chat) -> assertThat(chat.prompt("What is 10 / 0?").call().content()).isEqualTo("The tool said: 2.5"));
	}

	@Test
	void twoConnectionsWithTheSameToolsKeepThemApart() {
		this.model.then(callTool("beta_add_numbers", "{\"a\":1,\"b\":1}")).then(reportToolAnswer());

		run(connection("alpha", server.url()).andThen(connection("beta", server.url())), (chat) -> {
			assertThat(chat.prompt("1 + 1?").call().content()).isEqualTo("The tool said: 2");
			assertThat(toolNames(this.model.prompts().get(0))).contains("alpha_add_numbers", "beta_add_numbers")
				.doesNotHaveDuplicates();
		});
	}

	@Test
	void withoutPrefixesClashingNamesStillReachTheirOwnConnection() {
		List<String> offered = new java.util.ArrayList<>();
		this.model.then((prompt) -> {
			offered.addAll(toolNames(prompt));
			String second = offered.stream()
				.filter((name) -> name.startsWith("add_numbers_"))
				.findFirst()
				.orElseThrow();
			return callTool(second, "{\"a\":40,\"b\":2}").apply(prompt);
		}).then(reportToolAnswer());

		run(connection("alpha", server.url()).andThen(connection("beta", server.url()))
			.andThen((runner) -> runner.withPropertyValues("mcp.client.spring-ai.prefix-tool-names=false")), (chat) -> {
				assertThat(chat.prompt("40 + 2?").call().content()).isEqualTo("The tool said: 42");
				assertThat(offered).contains("add_numbers", "echo").doesNotHaveDuplicates();
				assertThat(offered).filteredOn((name) -> name.startsWith("add_numbers")).hasSize(2);
			});
	}

	@Test
	void aServerThatChangesItsToolsMidRunIsSeenByTheNextPrompt() throws Exception {
		SdkToolServer changing = new SdkToolServer();
		changing.start();
		try {
			this.model.then(reportToolNames()).then(callTool("live_weather", "{}")).then(reportToolAnswer());
			run(connection("live", changing.url()), (chat) -> {
				assertThat(chat.prompt("What can you do?").call().content()).contains("live_echo")
					.doesNotContain("live_weather");

				changing.addTool("weather", "Sunny, 21 \u00b0C");
				McpToolCallbackProvider provider = this.context.getBean(McpToolCallbackProvider.class);
				await().untilAsserted(() -> {
					// The listening stream may still have been opening at the first
					// announcement
					changing.announceToolChange();
					assertThat(names(provider)).contains("live_weather");
				});

				assertThat(chat.prompt("Weather?").call().content()).isEqualTo("The tool said: Sunny, 21 \u00b0C");
				assertThat(toolNames(this.model.prompts().get(1))).contains("live_weather");
			});
		}
		finally {
			changing.stop();
		}
	}

	@Test
	void aServerThatIsDownCostsOnlyItsOwnToolsAndIsLoggedOnce(CapturedOutput output) {
		this.model.then(callTool("up_add_numbers", "{\"a\":2,\"b\":2}"))
			.then(reportToolAnswer())
			.then(reportToolNames());
		String nowhere = "http://127.0.0.1:" + closedPort() + "/mcp";

		run(connection("up", server.url()).andThen(connection("down", nowhere))
			.andThen((runner) -> runner.withPropertyValues("mcp.client.spring-ai.retry-interval=0s")), (chat) -> {
				assertThat(chat.prompt("2 + 2?").call().content()).isEqualTo("The tool said: 4");
				assertThat(chat.prompt("What can you do?").call().content()).contains("up_echo")
					.doesNotContain("down_");
				assertThat(output.getAll().split("Could not list the tools of MCP connection 'down'", -1)).hasSize(2);
			});
	}

	@Test
	void theToolContextChoosesTheUserAndMetaButNothingElseOfItIsSent() {
		this.model.then(callTool("demo_whoami", "{}")).then(reportToolAnswer());
		Map<String, Object> toolContext = new LinkedHashMap<>();
		toolContext.put("user", "alice");
		toolContext.put("password", "never-sent");
		toolContext.put(McpToolCallMeta.TOOL_CONTEXT_KEY, Map.of("tenant", "acme"));

		run(connection("demo", server.url()).andThen((runner) -> runner.withUserConfiguration(UserHeader.class)),
				(chat) -> {
					String answer = chat.prompt("Who am I?").toolContext(toolContext).call().content();
					assertThat(json.readTree(answer.substring("The tool said: ".length())))
						.isEqualTo(json.readTree("{\"user\":\"alice\",\"meta\":{\"tenant\":\"acme\"}}"));
				});
	}

	private void run(Consumer<RunnerHolder> setup, Consumer<ChatClient> test) {
		RunnerHolder holder = new RunnerHolder(this.runner);
		setup.accept(holder);
		holder.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			this.context = context;
			ChatClient chat = ChatClient.builder(this.model)
				.defaultTools(context.getBean(McpToolCallbackProvider.class))
				.build();
			test.accept(chat);
		});
	}

	private static Consumer<RunnerHolder> connection(String name, String url) {
		return (holder) -> holder.withPropertyValues("mcp.client.connections." + name + ".url=" + url);
	}

	private static List<String> names(McpToolCallbackProvider provider) {
		return Arrays.stream(provider.getToolCallbacks())
			.map((callback) -> callback.getToolDefinition().name())
			.toList();
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The runner a test adds to, step by step.
	 */
	private static final class RunnerHolder {

		private ApplicationContextRunner runner;

		RunnerHolder(ApplicationContextRunner runner) {
			this.runner = runner;
		}

		RunnerHolder withPropertyValues(String... pairs) {
			this.runner = this.runner.withPropertyValues(pairs);
			return this;
		}

		RunnerHolder withUserConfiguration(Class<?>... configurations) {
			this.runner = this.runner.withUserConfiguration(configurations);
			return this;
		}

	}

	/**
	 * What an application does to call a server on behalf of its user: a filter that
	 * reads the call's tool context from the Reactor context and sends the user along
	 * (here as a plain header; in real life, that user's credentials).
	 */
	@Configuration(proxyBeanMethods = false)
	static class UserHeader {

		@Bean
		McpClientCustomizer userHeader() {
			return (connection, builder) -> builder.filter((request, next) -> Mono.deferContextual((reactor) -> {
				ToolContext toolContext = reactor.getOrDefault(ToolContext.class, null);
				Object user = (toolContext != null) ? toolContext.getContext().get("user") : null;
				if (user == null) {
					return next.exchange(request);
				}
				return next
					.exchange(ClientRequest.from(request).header(SdkToolServer.USER_HEADER, user.toString()).build());
			}));
		}

	}

}
