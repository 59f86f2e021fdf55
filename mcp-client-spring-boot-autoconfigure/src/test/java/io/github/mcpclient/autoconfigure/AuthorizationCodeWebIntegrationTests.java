package io.github.mcpclient.autoconfigure;

import java.util.Map;

import io.github.mcpclient.McpClients;
import io.github.mcpclient.protocol.CallToolResult;
import io.github.mcpclient.protocol.TextContent;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The authorization-code grant of a servlet web application end to end, on Spring
 * Security's servlet {@code oauth2Client()} support.
 */
class AuthorizationCodeWebIntegrationTests extends AbstractAuthorizationCodeWebIntegrationTests {

	@BeforeAll
	static void start() {
		startApplication(new SpringApplicationBuilder(ClientApplication.class).web(WebApplicationType.SERVLET),
				// The authorization server shares the host: cookies must not clash.
				"server.servlet.session.cookie.name=CLIENTSESSION");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableWebSecurity
	@Import(ToolController.class)
	static class ClientApplication {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/actuator/**").permitAll().anyRequest().authenticated())
				.httpBasic(Customizer.withDefaults())
				.oauth2Client(Customizer.withDefaults());
			return http.build();
		}

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("alice").password("{noop}password").roles("USER").build(),
					User.withUsername("bob").password("{noop}password").roles("USER").build());
		}

	}

	@RestController
	static class ToolController {

		private final McpClients clients;

		ToolController(McpClients clients) {
			this.clients = clients;
		}

		@GetMapping("/tools/{name}")
		String call(@PathVariable String name) {
			return call("mcp", name);
		}

		@GetMapping("/connections/{connection}/{name}")
		String call(@PathVariable String connection, @PathVariable String name) {
			CallToolResult result = this.clients.get(connection).callTool(name, Map.of());
			return ((TextContent) result.content().get(0)).text();
		}

	}

}
