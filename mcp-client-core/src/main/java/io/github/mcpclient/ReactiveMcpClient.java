package io.github.mcpclient;

import java.util.Map;
import java.util.function.Consumer;

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

/**
 * A non-blocking client for one MCP server. Every call connects first if needed, so
 * {@link #initialize()} never has to be called explicitly.
 *
 * @since 0.1.0
 */
public interface ReactiveMcpClient {

	/**
	 * The connection name.
	 * @return the name
	 */
	String name();

	/**
	 * Connect to the server if not yet connected; concurrent callers share one handshake.
	 * @return the server's initialize result
	 */
	Mono<InitializeResult> initialize();

	/**
	 * Check that the server answers.
	 * @return completes when it did
	 */
	Mono<Void> ping();

	/**
	 * One page of the server's tools.
	 * @param cursor the cursor of the page, or {@code null} for the first
	 * @return the page
	 */
	Mono<ListToolsResult> listTools(@Nullable String cursor);

	/**
	 * All of the server's tools, following cursors through every page.
	 * @return the tools
	 */
	Flux<Tool> listAllTools();

	/**
	 * Call a tool.
	 * @param name the tool name
	 * @param arguments the arguments, matching the tool's input schema
	 * @return the tool's result; a failed tool run is a result with {@code isError} set
	 */
	Mono<CallToolResult> callTool(String name, Map<String, ?> arguments);

	/**
	 * Call a tool and follow its progress.
	 * @param name the tool name
	 * @param arguments the arguments
	 * @param progressListener receives the server's progress notifications for this call,
	 * off the network threads and all before the result
	 * @return the tool's result
	 */
	Mono<CallToolResult> callTool(String name, Map<String, ?> arguments,
			Consumer<ProgressNotification> progressListener);

	/**
	 * One page of the server's resources.
	 * @param cursor the cursor of the page, or {@code null} for the first
	 * @return the page
	 */
	Mono<ListResourcesResult> listResources(@Nullable String cursor);

	/**
	 * All of the server's resources.
	 * @return the resources
	 */
	Flux<Resource> listAllResources();

	/**
	 * One page of the server's resource templates.
	 * @param cursor the cursor of the page, or {@code null} for the first
	 * @return the page
	 */
	Mono<ListResourceTemplatesResult> listResourceTemplates(@Nullable String cursor);

	/**
	 * All of the server's resource templates.
	 * @return the templates
	 */
	Flux<ResourceTemplate> listAllResourceTemplates();

	/**
	 * Read a resource.
	 * @param uri the resource URI
	 * @return its contents
	 */
	Mono<ReadResourceResult> readResource(String uri);

	/**
	 * One page of the server's prompts.
	 * @param cursor the cursor of the page, or {@code null} for the first
	 * @return the page
	 */
	Mono<ListPromptsResult> listPrompts(@Nullable String cursor);

	/**
	 * All of the server's prompts.
	 * @return the prompts
	 */
	Flux<Prompt> listAllPrompts();

	/**
	 * Get a prompt, filled in with arguments.
	 * @param name the prompt name
	 * @param arguments the prompt arguments
	 * @return the prompt's messages
	 */
	Mono<GetPromptResult> getPrompt(String name, Map<String, String> arguments);

	/**
	 * Ask the server to complete an argument of a prompt or resource template.
	 * @param request what to complete
	 * @return the suggestions
	 */
	Mono<CompleteResult> complete(CompleteRequest request);

	/**
	 * Set the level of log messages the server sends.
	 * @param level the lowest level to receive
	 * @return completes when the server accepted it
	 */
	Mono<Void> setLoggingLevel(LoggingLevel level);

	/**
	 * Send any request and map its result.
	 * @param <T> the result type
	 * @param method the method name
	 * @param params the parameters, mapped to JSON, or {@code null}
	 * @param resultType the type to map the result to
	 * @return the result
	 */
	<T> Mono<T> request(String method, @Nullable Object params, Class<T> resultType);

	/**
	 * Send a notification.
	 * @param method the method name
	 * @param params the parameters, mapped to JSON, or {@code null}
	 * @return completes when the server accepted it
	 */
	Mono<Void> notify(String method, @Nullable Object params);

	/**
	 * The connection's session as it is now.
	 * @return a snapshot
	 */
	McpSession session();

	/**
	 * The connection's counters and last error.
	 * @return a snapshot
	 */
	McpSessionStatistics statistics();

	/**
	 * End the session: tell the server and forget it locally. The next call connects
	 * again.
	 * @return completes when done
	 */
	Mono<Void> close();

}
