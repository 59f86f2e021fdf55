package io.github.mcpclient.protocol;

/**
 * The names of the MCP methods and notifications this client sends or handles.
 *
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/schema">Schema</a>
 * @since 0.1.0
 */
public final class McpMethods {

	/** The legacy handshake. */
	public static final String INITIALIZE = "initialize";

	/** The legacy liveness check. */
	public static final String PING = "ping";

	/** The modern era's discovery of the server (2026-07-28). */
	public static final String SERVER_DISCOVER = "server/discover";

	/** The modern era's stream of notifications (2026-07-28). */
	public static final String SUBSCRIPTIONS_LISTEN = "subscriptions/listen";

	public static final String TOOLS_LIST = "tools/list";

	public static final String TOOLS_CALL = "tools/call";

	public static final String RESOURCES_LIST = "resources/list";

	public static final String RESOURCES_TEMPLATES_LIST = "resources/templates/list";

	public static final String RESOURCES_READ = "resources/read";

	public static final String PROMPTS_LIST = "prompts/list";

	public static final String PROMPTS_GET = "prompts/get";

	public static final String COMPLETION_COMPLETE = "completion/complete";

	public static final String LOGGING_SET_LEVEL = "logging/setLevel";

	public static final String ELICITATION_CREATE = "elicitation/create";

	public static final String SAMPLING_CREATE_MESSAGE = "sampling/createMessage";

	public static final String ROOTS_LIST = "roots/list";

	public static final String NOTIFICATION_INITIALIZED = "notifications/initialized";

	public static final String NOTIFICATION_CANCELLED = "notifications/cancelled";

	public static final String NOTIFICATION_PROGRESS = "notifications/progress";

	public static final String NOTIFICATION_MESSAGE = "notifications/message";

	public static final String NOTIFICATION_TOOLS_LIST_CHANGED = "notifications/tools/list_changed";

	public static final String NOTIFICATION_PROMPTS_LIST_CHANGED = "notifications/prompts/list_changed";

	public static final String NOTIFICATION_RESOURCES_LIST_CHANGED = "notifications/resources/list_changed";

	public static final String NOTIFICATION_RESOURCES_UPDATED = "notifications/resources/updated";

	private McpMethods() {
	}

}
