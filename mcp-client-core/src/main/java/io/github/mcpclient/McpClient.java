package io.github.mcpclient;

import java.util.List;
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

/**
 * A blocking client for one MCP server; see {@link ReactiveMcpClient} for the
 * non-blocking form. Every call connects first if needed and is bounded by the
 * connection's request timeout. Failures are
 * {@link io.github.mcpclient.exception.McpException}s.
 *
 * @since 0.1.0
 */
public interface McpClient extends AutoCloseable {

	/**
	 * The connection name.
	 * @return the name
	 */
	String name();

	/**
	 * Connect to the server if not yet connected.
	 * @return the server's initialize result
	 */
	InitializeResult initialize();

	/**
	 * Check that the server answers.
	 */
	void ping();

	/**
	 * The first page of the server's tools.
	 * @return the page
	 */
	default ListToolsResult listTools() {
		return listTools(null);
	}

	/**
	 * One page of the server's tools.
	 * @param cursor the cursor of the page, or {@code null} for the first
	 * @return the page
	 */
	ListToolsResult listTools(@Nullable String cursor);

	/**
	 * All of the server's tools, following cursors through every page.
	 * @return the tools
	 */
	List<Tool> listAllTools();

	/**
	 * Call a tool.
	 * @param name the tool name
	 * @param arguments the arguments
	 * @return the tool's result; a failed tool run is a result with {@code isError} set
	 */
	CallToolResult callTool(String name, Map<String, ?> arguments);

	/**
	 * Call a tool and follow its progress.
	 * @param name the tool name
	 * @param arguments the arguments
	 * @param progressListener receives the server's progress notifications for this call,
	 * off the network threads and all before the result
	 * @return the tool's result
	 */
	CallToolResult callTool(String name, Map<String, ?> arguments, Consumer<ProgressNotification> progressListener);

	/**
	 * One page of the server's resources.
	 * @param cursor the cursor, or {@code null} for the first page
	 * @return the page
	 */
	ListResourcesResult listResources(@Nullable String cursor);

	/**
	 * All of the server's resources.
	 * @return the resources
	 */
	List<Resource> listAllResources();

	/**
	 * One page of the server's resource templates.
	 * @param cursor the cursor, or {@code null} for the first page
	 * @return the page
	 */
	ListResourceTemplatesResult listResourceTemplates(@Nullable String cursor);

	/**
	 * All of the server's resource templates.
	 * @return the templates
	 */
	List<ResourceTemplate> listAllResourceTemplates();

	/**
	 * Read a resource.
	 * @param uri the resource URI
	 * @return its contents
	 */
	ReadResourceResult readResource(String uri);

	/**
	 * One page of the server's prompts.
	 * @param cursor the cursor, or {@code null} for the first page
	 * @return the page
	 */
	ListPromptsResult listPrompts(@Nullable String cursor);

	/**
	 * All of the server's prompts.
	 * @return the prompts
	 */
	List<Prompt> listAllPrompts();

	/**
	 * Get a prompt, filled in with arguments.
	 * @param name the prompt name
	 * @param arguments the arguments
	 * @return the prompt's messages
	 */
	GetPromptResult getPrompt(String name, Map<String, String> arguments);

	/**
	 * Ask the server to complete an argument.
	 * @param request what to complete
	 * @return the suggestions
	 */
	CompleteResult complete(CompleteRequest request);

	/**
	 * Set the level of log messages the server sends.
	 * @param level the lowest level to receive
	 */
	void setLoggingLevel(LoggingLevel level);

	/**
	 * Send any request and map its result.
	 * @param <T> the result type
	 * @param method the method name
	 * @param params the parameters or {@code null}
	 * @param resultType the result type
	 * @return the result
	 */
	<T> T request(String method, @Nullable Object params, Class<T> resultType);

	/**
	 * Send a notification.
	 * @param method the method name
	 * @param params the parameters or {@code null}
	 */
	void notify(String method, @Nullable Object params);

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
	 * The non-blocking client this one adapts.
	 * @return the reactive client
	 */
	ReactiveMcpClient reactive();

	/**
	 * End the session; the next call connects again.
	 */
	@Override
	void close();

}
