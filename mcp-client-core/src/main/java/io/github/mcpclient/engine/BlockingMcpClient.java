package io.github.mcpclient.engine;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.ReactiveMcpClient;
import io.github.mcpclient.protocol.CallToolResult;
import io.github.mcpclient.protocol.CompleteRequest;
import io.github.mcpclient.protocol.CompleteResult;
import io.github.mcpclient.protocol.GetPromptResult;
import io.github.mcpclient.protocol.InitializeResult;
import io.github.mcpclient.protocol.ListPromptsResult;
import io.github.mcpclient.protocol.ListResourceTemplatesResult;
import io.github.mcpclient.protocol.ListResourcesResult;
import io.github.mcpclient.protocol.ListToolsResult;
import io.github.mcpclient.protocol.LoggingLevel;
import io.github.mcpclient.protocol.ProgressNotification;
import io.github.mcpclient.protocol.Prompt;
import io.github.mcpclient.protocol.ReadResourceResult;
import io.github.mcpclient.protocol.Resource;
import io.github.mcpclient.protocol.ResourceTemplate;
import io.github.mcpclient.protocol.Tool;
import io.github.mcpclient.session.McpSession;
import io.github.mcpclient.session.McpSessionStatistics;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The blocking {@link McpClient} over a {@link ReactiveMcpClient}. The reactive client
 * bounds every call with its timeouts, so blocking here always ends.
 */
final class BlockingMcpClient implements McpClient {

	private final ReactiveMcpClient delegate;

	private final Function<Context, Context> callContext;

	BlockingMcpClient(ReactiveMcpClient delegate) {
		this(delegate, Function.identity());
	}

	/**
	 * A blocking client whose calls carry what the calling thread knows.
	 * @param delegate the reactive client
	 * @param callContext adds to each call's context; applied on the calling thread, as
	 * the call subscribes
	 */
	BlockingMcpClient(ReactiveMcpClient delegate, Function<Context, Context> callContext) {
		this.delegate = delegate;
		this.callContext = callContext;
	}

	@Override
	public String name() {
		return this.delegate.name();
	}

	@Override
	public InitializeResult initialize() {
		return await(this.delegate.initialize());
	}

	@Override
	public void ping() {
		run(this.delegate.ping());
	}

	@Override
	public ListToolsResult listTools(@Nullable String cursor) {
		return await(this.delegate.listTools(cursor));
	}

	@Override
	public List<Tool> listAllTools() {
		return all(this.delegate.listAllTools());
	}

	@Override
	public CallToolResult callTool(String name, Map<String, ?> arguments) {
		return await(this.delegate.callTool(name, arguments));
	}

	@Override
	public CallToolResult callTool(String name, Map<String, ?> arguments,
			Consumer<ProgressNotification> progressListener) {
		return await(this.delegate.callTool(name, arguments, progressListener));
	}

	@Override
	public ListResourcesResult listResources(@Nullable String cursor) {
		return await(this.delegate.listResources(cursor));
	}

	@Override
	public List<Resource> listAllResources() {
		return all(this.delegate.listAllResources());
	}

	@Override
	public ListResourceTemplatesResult listResourceTemplates(@Nullable String cursor) {
		return await(this.delegate.listResourceTemplates(cursor));
	}

	@Override
	public List<ResourceTemplate> listAllResourceTemplates() {
		return all(this.delegate.listAllResourceTemplates());
	}

	@Override
	public ReadResourceResult readResource(String uri) {
		return await(this.delegate.readResource(uri));
	}

	@Override
	public ListPromptsResult listPrompts(@Nullable String cursor) {
		return await(this.delegate.listPrompts(cursor));
	}

	@Override
	public List<Prompt> listAllPrompts() {
		return all(this.delegate.listAllPrompts());
	}

	@Override
	public GetPromptResult getPrompt(String name, Map<String, String> arguments) {
		return await(this.delegate.getPrompt(name, arguments));
	}

	@Override
	public CompleteResult complete(CompleteRequest request) {
		return await(this.delegate.complete(request));
	}

	@Override
	public void setLoggingLevel(LoggingLevel level) {
		run(this.delegate.setLoggingLevel(level));
	}

	@Override
	public <T> T request(String method, @Nullable Object params, Class<T> resultType) {
		return await(this.delegate.request(method, params, resultType));
	}

	@Override
	public void notify(String method, @Nullable Object params) {
		run(this.delegate.notify(method, params));
	}

	@Override
	public McpSession session() {
		return this.delegate.session();
	}

	@Override
	public McpSessionStatistics statistics() {
		return this.delegate.statistics();
	}

	@Override
	public ReactiveMcpClient reactive() {
		return this.delegate;
	}

	@Override
	public void close() {
		this.delegate.close().block();
	}

	@Override
	public String toString() {
		return "BlockingMcpClient[" + name() + "]";
	}

	private void run(Mono<Void> mono) {
		mono.contextWrite(this.callContext).block();
	}

	private <T> T await(Mono<T> mono) {
		T value = mono.contextWrite(this.callContext).block();
		if (value == null) {
			throw new IllegalStateException("the call completed without a value");
		}
		return value;
	}

	private <T> List<T> all(Flux<T> flux) {
		List<T> values = flux.collectList().contextWrite(this.callContext).block();
		return (values != null) ? values : List.of();
	}

}
