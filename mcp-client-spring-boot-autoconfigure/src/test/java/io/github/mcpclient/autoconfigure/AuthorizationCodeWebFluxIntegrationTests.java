package io.github.mcpclient.autoconfigure;

import java.util.Map;

import io.github.mcpclient.McpClients;
import io.github.mcpclient.protocol.TextContent;
import org.junit.jupiter.api.BeforeAll;
import reactor.core.publisher.Mono;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The authorization-code grant of a reactive (WebFlux, on Netty) web application end to
 * end, on Spring Security's reactive {@code oauth2Client()} support: its handlers return
 * the reactive client's calls, which run for the user of the request.
 */
class AuthorizationCodeWebFluxIntegrationTests extends AbstractAuthorizationCodeWebIntegrationTests {

	@BeforeAll
	static void start() {
		startApplication(new SpringApplicationBuilder(ClientApplication.class).web(WebApplicationType.REACTIVE));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableWebFluxSecurity
	@Import(ToolController.class)
	static class ClientApplication {

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
				ServerOAuth2AuthorizationRequestResolver mcpAuthorizationRequests) {
			http.authorizeExchange(
					(exchanges) -> exchanges.pathMatchers("/actuator/**").permitAll().anyExchange().authenticated())
				.httpBasic(Customizer.withDefaults())
				.oauth2Client((client) -> client.authorizationRequestResolver(mcpAuthorizationRequests));
			return http.build();
		}

		@Bean
		MapReactiveUserDetailsService users() {
			return new MapReactiveUserDetailsService(
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
		Mono<String> call(@PathVariable String name) {
			return call("mcp", name);
		}

		@GetMapping("/connections/{connection}/{name}")
		Mono<String> call(@PathVariable String connection, @PathVariable String name) {
			return this.clients.get(connection)
				.reactive()
				.callTool(name, Map.of())
				.map((result) -> ((TextContent) result.content().get(0)).text());
		}

	}

}
