package io.github.mcpclient.springai.autoconfigure;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.mcpclient.protocol.Tool;
import io.github.mcpclient.springai.McpToolFilter;

/**
 * The include and exclude lists of {@code mcp.client.spring-ai.connections.<name>} as a
 * filter.
 */
final class PropertiesToolFilter implements McpToolFilter {

	private final Map<String, Rules> rules;

	PropertiesToolFilter(Map<String, McpSpringAiProperties.Connection> connections) {
		this.rules = connections.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> new Rules(patterns(entry.getValue().getInclude()),
					patterns(entry.getValue().getExclude()))));
	}

	@Override
	public boolean include(String connectionName, Tool tool) {
		Rules connection = this.rules.get(connectionName);
		return connection == null || connection.include(tool.name());
	}

	private static List<Pattern> patterns(Collection<String> globs) {
		return globs.stream().map(PropertiesToolFilter::pattern).toList();
	}

	private static Pattern pattern(String glob) {
		String[] parts = glob.split("\\*", -1);
		StringBuilder regex = new StringBuilder(Pattern.quote(parts[0]));
		for (int i = 1; i < parts.length; i++) {
			regex.append(".*").append(Pattern.quote(parts[i]));
		}
		return Pattern.compile(regex.toString(), Pattern.DOTALL);
	}

	private record Rules(List<Pattern> include, List<Pattern> exclude) {

		boolean include(String toolName) {
			return (this.include.isEmpty() || matches(this.include, toolName)) && !matches(this.exclude, toolName);
		}

		private static boolean matches(List<Pattern> patterns, String toolName) {
			return patterns.stream().anyMatch((pattern) -> pattern.matcher(toolName).matches());
		}

	}

}
