package io.github.mcpclient.engine;

import java.net.URI;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
import io.github.mcpclient.session.SessionState;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A client that builds its engine (session holder, transport, dialects, operators) on its
 * first call rather than when it is created, so that an application configuring
 * connections pays for none of it while it starts. Until then it answers
 * {@link #session()} and {@link #statistics()} with a connection that has not talked to
 * its server yet, and closing it has nothing to end.
 */
final class LazyReactiveMcpClient implements ReactiveMcpClient {

	private final String name;

	private final URI url;

	private final Supplier<ReactiveMcpClient> factory;

	private volatile @Nullable ReactiveMcpClient delegate;

	private volatile boolean closed;

	/**
	 * A client built on its first call.
	 * @param name the connection name
	 * @param url the connection's endpoint
	 * @param factory builds the client, once
	 */
	LazyReactiveMcpClient(String name, URI url, Supplier<ReactiveMcpClient> factory) {
		this.name = name;
		this.url = url;
		this.factory = factory;
	}

	/**
	 * Whether the client was built.
	 * @return {@code true} once a call has needed it
	 */
	boolean isBuilt() {
		return this.delegate != null;
	}

	private ReactiveMcpClient delegate() {
		ReactiveMcpClient client = this.delegate;
		if (client == null) {
			synchronized (this) {
				client = this.delegate;
				if (client == null) {
					client = this.factory.get();
					this.delegate = client;
				}
			}
		}
		return client;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public McpSession session() {
		ReactiveMcpClient client = this.delegate;
		if (client != null) {
			return client.session();
		}
		if (this.closed) {
			return new McpSession(this.name, this.url, SessionState.CLOSED, null, null, null, null, null, null, null,
					null);
		}
		return McpSession.initial(this.name, this.url);
	}

	@Override
	public McpSessionStatistics statistics() {
		ReactiveMcpClient client = this.delegate;
		return (client != null) ? client.statistics() : new McpSessionStatistics(0, 0, 0, null);
	}

	@Override
	public Mono<InitializeResult> initialize() {
		return delegate().initialize();
	}

	@Override
	public Mono<Void> ping() {
		return delegate().ping();
	}

	@Override
	public Mono<ListToolsResult> listTools(@Nullable String cursor) {
		return delegate().listTools(cursor);
	}

	@Override
	public Flux<Tool> listAllTools() {
		return delegate().listAllTools();
	}

	@Override
	public Mono<CallToolResult> callTool(String name, Map<String, ?> arguments) {
		return delegate().callTool(name, arguments);
	}

	@Override
	public Mono<CallToolResult> callTool(String name, Map<String, ?> arguments,
			Consumer<ProgressNotification> progressListener) {
		return delegate().callTool(name, arguments, progressListener);
	}

	@Override
	public Mono<ListResourcesResult> listResources(@Nullable String cursor) {
		return delegate().listResources(cursor);
	}

	@Override
	public Flux<Resource> listAllResources() {
		return delegate().listAllResources();
	}

	@Override
	public Mono<ListResourceTemplatesResult> listResourceTemplates(@Nullable String cursor) {
		return delegate().listResourceTemplates(cursor);
	}

	@Override
	public Flux<ResourceTemplate> listAllResourceTemplates() {
		return delegate().listAllResourceTemplates();
	}

	@Override
	public Mono<ReadResourceResult> readResource(String uri) {
		return delegate().readResource(uri);
	}

	@Override
	public Mono<ListPromptsResult> listPrompts(@Nullable String cursor) {
		return delegate().listPrompts(cursor);
	}

	@Override
	public Flux<Prompt> listAllPrompts() {
		return delegate().listAllPrompts();
	}

	@Override
	public Mono<GetPromptResult> getPrompt(String name, Map<String, String> arguments) {
		return delegate().getPrompt(name, arguments);
	}

	@Override
	public Mono<CompleteResult> complete(CompleteRequest request) {
		return delegate().complete(request);
	}

	@Override
	public Mono<Void> setLoggingLevel(LoggingLevel level) {
		return delegate().setLoggingLevel(level);
	}

	@Override
	public <T> Mono<T> request(String method, @Nullable Object params, Class<T> resultType) {
		return delegate().request(method, params, resultType);
	}

	@Override
	public Mono<Void> notify(String method, @Nullable Object params) {
		return delegate().notify(method, params);
	}

	@Override
	public Mono<Void> close() {
		return Mono.defer(() -> {
			ReactiveMcpClient client = this.delegate;
			if (client != null) {
				return client.close();
			}
			// Never connected: there is no session to end, only the state to report.
			this.closed = true;
			return Mono.empty();
		});
	}

	@Override
	public String toString() {
		return "LazyReactiveMcpClient[" + this.name + "]";
	}

}
