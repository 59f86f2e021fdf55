package io.github.mcpclient.interop;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.interop.RecordingProxy.Exchange;
import io.github.mcpclient.protocol.CallToolResult;
import io.github.mcpclient.protocol.CompleteRequest;
import io.github.mcpclient.protocol.CompleteResult;
import io.github.mcpclient.protocol.Content;
import io.github.mcpclient.protocol.EmbeddedResource;
import io.github.mcpclient.protocol.GetPromptResult;
import io.github.mcpclient.protocol.ImageContent;
import io.github.mcpclient.protocol.InitializeResult;
import io.github.mcpclient.protocol.Prompt;
import io.github.mcpclient.protocol.PromptReference;
import io.github.mcpclient.protocol.ReadResourceResult;
import io.github.mcpclient.protocol.Resource;
import io.github.mcpclient.protocol.ResourceTemplate;
import io.github.mcpclient.protocol.ResourceTemplateReference;
import io.github.mcpclient.protocol.Role;
import io.github.mcpclient.protocol.TextContent;
import io.github.mcpclient.protocol.TextResourceContents;
import io.github.mcpclient.protocol.Tool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our client against the reference server {@code @modelcontextprotocol/server-everything}
 * over Streamable HTTP: every server feature a legacy-era client can use without
 * server-to-client handlers. It answers with SSE streams that open with a priming event
 * (an id and empty data), names the session header in lower case, and answers an unknown
 * session with 400 rather than 404.
 */
class EverythingServerTests {

	private static final String TEXT_TEMPLATE = "demo://resource/dynamic/text/{resourceId}";

	@RegisterExtension
	static final NodeMcpServer server = NodeMcpServer.everything();

	@RegisterExtension
	static final ProxiedServer proxy = ProxiedServer.to(server::baseUri);

	private McpClient client;

	@BeforeEach
	void connect() {
		this.client = Interop.client("everything", proxy.url("/mcp"));
	}

	@AfterEach
	void disconnect() {
		Interop.close(this.client);
	}

	@Test
	void initializesWithTheServersCapabilities() {
		InitializeResult init = this.client.initialize();

		assertThat(init.serverInfo().name()).isEqualTo("mcp-servers/everything");
		assertThat(init.instructions()).isNotBlank();
		assertThat(init.capabilities().tools()).isNotNull();
		assertThat(init.capabilities().resources()).isNotNull();
		assertThat(init.capabilities().prompts()).isNotNull();
		assertThat(init.capabilities().completions()).isNotNull();
		assertThat(this.client.session().sessionId()).isNotBlank();
		assertThat(this.client.session().protocolVersion()).isEqualTo(init.protocolVersion());
		Exchange initialize = proxy.exchanges().get(0);
		assertThat(initialize.responseHeaderSpelling("MCP-Session-Id")).isEqualTo("mcp-session-id");
		assertThat(initialize.responseHeader("Content-Type")).startsWith("text/event-stream");
	}

	@Test
	void listsAndCallsTools() {
		assertThat(this.client.listAllTools()).extracting(Tool::name).contains("echo", "get-sum", "get-tiny-image");

		assertThat(Interop.text(this.client.callTool("echo", Map.of("message", "hello everything"))))
			.isEqualTo("Echo: hello everything");
		assertThat(Interop.text(this.client.callTool("get-sum", Map.of("a", 2, "b", 3))))
			.isEqualTo("The sum of 2 and 3 is 5.");
	}

	@Test
	void readsImageAndEmbeddedResourceContent() {
		CallToolResult image = this.client.callTool("get-tiny-image", Map.of());
		assertThat(image.content()).hasSize(3);
		assertThat(image.content().get(1)).isInstanceOfSatisfying(ImageContent.class, (content) -> {
			assertThat(content.mimeType()).isEqualTo("image/png");
			byte[] png = Base64.getDecoder().decode(content.data());
			assertThat(png).startsWith(0x89, 'P', 'N', 'G');
		});

		CallToolResult reference = this.client.callTool("get-resource-reference",
				Map.of("resourceType", "Text", "resourceId", 2));
		assertThat(reference.content()).filteredOn(EmbeddedResource.class::isInstance)
			.singleElement()
			.satisfies((content) -> assertThat(((EmbeddedResource) content).resource()).isInstanceOfSatisfying(
					TextResourceContents.class,
					(text) -> assertThat(text.uri()).isEqualTo("demo://resource/dynamic/text/2")));
	}

	@Test
	void invalidToolArgumentsComeBackAsAToolError() {
		CallToolResult result = this.client.callTool("get-sum", Map.of("a", "two", "b", 3));

		assertThat(result.error()).isTrue();
		assertThat(result.content()).first().isInstanceOf(TextContent.class);
	}

	@Test
	void listsAndReadsResources() {
		List<Resource> resources = this.client.listAllResources();
		assertThat(resources).extracting(Resource::uri).contains("demo://resource/static/document/features.md");

		ReadResourceResult features = this.client.readResource("demo://resource/static/document/features.md");
		assertThat(features.contents()).singleElement().isInstanceOfSatisfying(TextResourceContents.class, (text) -> {
			assertThat(text.mimeType()).isEqualTo("text/markdown");
			assertThat(text.text()).isNotBlank();
		});
	}

	@Test
	void listsResourceTemplatesAndReadsAnExpandedOne() {
		List<ResourceTemplate> templates = this.client.listAllResourceTemplates();
		assertThat(templates).extracting(ResourceTemplate::uriTemplate)
			.contains(TEXT_TEMPLATE, "demo://resource/dynamic/blob/{resourceId}");

		ReadResourceResult text = this.client.readResource("demo://resource/dynamic/text/7");
		assertThat(text.contents()).singleElement()
			.isInstanceOfSatisfying(TextResourceContents.class,
					(contents) -> assertThat(contents.text()).startsWith("Resource 7:"));
	}

	@Test
	void listsAndGetsPrompts() {
		assertThat(this.client.listAllPrompts()).extracting(Prompt::name)
			.contains("simple-prompt", "args-prompt", "completable-prompt");

		GetPromptResult prompt = this.client.getPrompt("args-prompt", Map.of("city", "Oslo", "state", "Oslo"));
		assertThat(prompt.messages()).singleElement().satisfies((message) -> {
			assertThat(message.role()).isEqualTo(Role.USER);
			assertThat(message.content()).isInstanceOfSatisfying(TextContent.class,
					(text) -> assertThat(text.text()).isEqualTo("What's weather in Oslo, Oslo?"));
		});
	}

	@Test
	void completesPromptAndResourceTemplateArguments() {
		CompleteResult department = this.client
			.complete(new CompleteRequest(new PromptReference("completable-prompt", null),
					new CompleteRequest.Argument("department", "E"), null));
		assertThat(department.completion().values()).containsExactly("Engineering");

		CompleteResult member = this.client.complete(new CompleteRequest(
				new PromptReference("completable-prompt", null), new CompleteRequest.Argument("name", ""),
				new CompleteRequest.Context(Map.of("department", "Sales"))));
		assertThat(member.completion().values()).containsExactly("David", "Eve", "Frank");

		CompleteResult resourceId = this.client.complete(new CompleteRequest(
				new ResourceTemplateReference(TEXT_TEMPLATE), new CompleteRequest.Argument("resourceId", "42"), null));
		assertThat(resourceId.completion().values()).containsExactly("42");
	}

	@Test
	void aCallAfterARestartIsAnsweredOnANewSessionThoughTheServerSays400() {
		this.client.ping();
		String oldSession = this.client.session().sessionId();
		server.restart();
		proxy.clear();

		// The spec's signal for a lost session is 404; this server answers 400 and says
		// the session is not valid, which the client takes as the same thing.
		this.client.ping();

		assertThat(this.client.session().sessionId()).isNotBlank().isNotEqualTo(oldSession);
		assertThat(proxy.exchanges()).extracting(Exchange::status).containsExactly(400, 200, 202, 200);
	}

}
