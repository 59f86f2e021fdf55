package io.github.mcpclient.autoconfigure;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when some connection under {@code mcp.client.connections} uses the
 * authorization-code grant, so that an application with Spring Security's OAuth client
 * but no such connection gets none of the web flow's beans.
 */
final class OnAuthorizationCodeConnection extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, Object> connections = Binder.get(context.getEnvironment())
			.bind(McpClientSettingsMapper.PREFIX + "connections", Bindable.mapOf(String.class, Object.class))
			.orElse(Map.of());
		for (Map.Entry<String, Object> connection : connections.entrySet()) {
			if (connection.getValue() instanceof Map<?, ?> settings
					&& settings.get("authorization") instanceof Map<?, ?> authorization
					&& authorization.get("grant") != null && "authorization-code"
						.equals(authorization.get("grant").toString().toLowerCase(Locale.ROOT).replace('_', '-'))) {
				return ConditionOutcome.match("connection '" + connection.getKey() + "' uses authorization-code");
			}
		}
		return ConditionOutcome.noMatch("no connection uses the authorization-code grant");
	}

}
