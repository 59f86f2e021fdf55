package io.github.mcpclient.autoconfigure;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.autoconfigure.testbed.OAuthTestBed;
import io.r2dbc.h2.H2ConnectionConfiguration;
import io.r2dbc.h2.H2ConnectionFactory;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.R2dbcReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of an application, each its own context, keep their MCP tokens in one
 * database (H2 in server mode, reached over TCP) with Spring Security's
 * {@link R2dbcReactiveOAuth2AuthorizedClientService}: a token one obtained serves the
 * other without a new grant.
 */
class SharedTokenStoreTests {

	private static OAuthTestBed testBed;

	private static Server database;

	@BeforeAll
	static void start() throws Exception {
		testBed = OAuthTestBed.start();
		database = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
		try (Connection connection = DriverManager.getConnection(jdbcUrl(), "sa", "");
				Statement statement = connection.createStatement();
				InputStream schema = R2dbcReactiveOAuth2AuthorizedClientService.class
					.getResourceAsStream("oauth2-client-schema.sql")) {
			statement.execute(new String(schema.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	@AfterAll
	static void stop() {
		database.stop();
		testBed.close();
	}

	private static String jdbcUrl() {
		return "jdbc:h2:tcp://127.0.0.1:" + database.getPort() + "/mem:tokens;DB_CLOSE_DELAY=-1";
	}

	private final ApplicationContextRunner replica = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(McpClientAutoConfiguration.class, WebClientAutoConfiguration.class))
		.withUserConfiguration(DatabaseTokenStore.class)
		.withPropertyValues("mcp.client.connections.notes.url=" + testBed.mcpUrl(),
				"mcp.client.connections.notes.authorization.grant=client-credentials",
				"mcp.client.connections.notes.authorization.client-id=" + OAuthTestBed.SERVICE_CLIENT,
				"mcp.client.connections.notes.authorization.client-secret=" + OAuthTestBed.SERVICE_SECRET,
				"mcp.client.connections.notes.authorization.scopes=mcp.tools");

	@Test
	void aTokenOneReplicaObtainedServesTheOtherWithoutANewGrant() throws SQLException {
		this.replica.run((a) -> {
			a.getBean(McpClient.class).callTool("my_notes", Map.of());
			int tokenRequests = testBed.tokenRequests();
			String tokenOfA = heldToken(a);
			this.replica.run((b) -> {
				assertThat(ClientCredentialsIntegrationTests
					.text(b.getBean(McpClient.class).callTool("my_notes", Map.of())))
					.isEqualTo("notes of " + OAuthTestBed.SERVICE_CLIENT);
				assertThat(testBed.tokenRequests()).isEqualTo(tokenRequests);
				assertThat(heldToken(b)).isEqualTo(tokenOfA);
			});
		});
		try (Connection connection = DriverManager.getConnection(jdbcUrl(), "sa", "");
				Statement statement = connection.createStatement()) {
			var rows = statement.executeQuery("select count(*) from oauth2_authorized_client");
			rows.next();
			assertThat(rows.getInt(1)).isEqualTo(1);
		}
	}

	private static String heldToken(ApplicationContext context) {
		OAuth2AuthorizedClient client = context.getBean(ReactiveOAuth2AuthorizedClientService.class)
			.<OAuth2AuthorizedClient>loadAuthorizedClient(
					McpClientRegistrations.registrationId("notes", testBed.issuer()), McpClientRegistrations.PRINCIPAL)
			.block();
		assertThat(client).isNotNull();
		return client.getAccessToken().getTokenValue();
	}

	/**
	 * What each replica's application defines: Spring Security's R2DBC token store over
	 * the shared database, finding the MCP connections' registrations.
	 */
	@Configuration(proxyBeanMethods = false)
	static class DatabaseTokenStore {

		@Bean
		ReactiveOAuth2AuthorizedClientService tokens(McpClientRegistrations registrations) {
			H2ConnectionFactory connections = new H2ConnectionFactory(H2ConnectionConfiguration.builder()
				.tcp("127.0.0.1", database.getPort(), "mem:tokens")
				.property("DB_CLOSE_DELAY", "-1")
				.username("sa")
				.build());
			return new OffTheEventLoop(new R2dbcReactiveOAuth2AuthorizedClientService(
					DatabaseClient.create(connections), registrations.repository()));
		}

	}

	/**
	 * H2's R2DBC driver wraps the blocking engine and refuses to run on an event loop
	 * thread; a production driver (PostgreSQL, MariaDB) needs no such help.
	 */
	record OffTheEventLoop(
			ReactiveOAuth2AuthorizedClientService delegate) implements ReactiveOAuth2AuthorizedClientService {

		@Override
		public <T extends OAuth2AuthorizedClient> Mono<T> loadAuthorizedClient(String registrationId,
				String principalName) {
			return this.delegate.<T>loadAuthorizedClient(registrationId, principalName)
				.subscribeOn(Schedulers.boundedElastic());
		}

		@Override
		public Mono<Void> saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal) {
			return this.delegate.saveAuthorizedClient(client, principal).subscribeOn(Schedulers.boundedElastic());
		}

		@Override
		public Mono<Void> removeAuthorizedClient(String registrationId, String principalName) {
			return this.delegate.removeAuthorizedClient(registrationId, principalName)
				.subscribeOn(Schedulers.boundedElastic());
		}

	}

}
