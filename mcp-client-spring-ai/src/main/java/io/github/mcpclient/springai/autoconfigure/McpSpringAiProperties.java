package io.github.mcpclient.springai.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the tools that MCP connections offer to Spring AI.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("mcp.client.spring-ai")
public class McpSpringAiProperties {

	/**
	 * Whether to offer the tools of MCP connections to Spring AI as tool callbacks.
	 */
	private boolean enabled = true;

	/**
	 * Whether the name the model sees starts with the connection name and an underscore,
	 * such as 'weather_forecast'. Without the prefix, a tool whose name another
	 * connection already uses gets a suffix instead.
	 */
	private boolean prefixToolNames = true;

	/**
	 * How long a connection whose tools could not be listed goes without tools before it
	 * is asked again.
	 */
	private Duration retryInterval = Duration.ofSeconds(30);

	/**
	 * Which tools of a connection to offer, by connection name.
	 */
	private final Map<String, Connection> connections = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isPrefixToolNames() {
		return this.prefixToolNames;
	}

	public void setPrefixToolNames(boolean prefixToolNames) {
		this.prefixToolNames = prefixToolNames;
	}

	public Duration getRetryInterval() {
		return this.retryInterval;
	}

	public void setRetryInterval(Duration retryInterval) {
		this.retryInterval = retryInterval;
	}

	public Map<String, Connection> getConnections() {
		return this.connections;
	}

	/**
	 * Which tools of one connection to offer.
	 */
	public static class Connection {

		/**
		 * Names of the tools to offer, as the server names them; '*' matches any run of
		 * characters. Empty means every tool.
		 */
		private final Set<String> include = new LinkedHashSet<>();

		/**
		 * Names of the tools not to offer, as the server names them; '*' matches any run
		 * of characters. Applied after 'include'.
		 */
		private final Set<String> exclude = new LinkedHashSet<>();

		public Set<String> getInclude() {
			return this.include;
		}

		public Set<String> getExclude() {
			return this.exclude;
		}

	}

}
