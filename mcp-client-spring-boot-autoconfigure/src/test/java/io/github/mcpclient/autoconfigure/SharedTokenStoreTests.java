package io.github.mcpclient.autoconfigure;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Function;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.autoconfigure.testbed.OAuthTestBed;
import io.r2dbc.h2.H2ConnectionConfiguration;
import io.r2dbc.h2.H2ConnectionFactory;
import org.h2.jdbcx.JdbcDataSource;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.JdbcOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.R2dbcReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of an application, each its own context, keep their MCP tokens in one
 * database (H2 in server mode, reached over TCP) with Spring Security's own stores,
 * unchanged: the servlet {@link JdbcOAuth2AuthorizedClientService} and the reactive
 * {@link R2dbcReactiveOAuth2AuthorizedClientService}. A token one replica obtained serves
 * the other without a new grant.
 */
class SharedTokenStoreTests {

	private static final String JDBC_DATABASE = "jdbc-tokens";

	private static final String R2DBC_DATABASE = "r2dbc-tokens";

	private static OAuthTestBed testBed;

	private static Server database;

	@BeforeAll
	static void start() throws Exception {
		testBed = OAuthTestBed.start();
		database = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
		for (String name : new String[] { JDBC_DATABASE, R2DBC_DATABASE }) {
			try (Connection connection = DriverManager.getConnection(jdbcUrl(name), "sa", "");
					Statement statement = connection.createStatement();
					InputStream schema = JdbcOAuth2AuthorizedClientService.class
						.getResourceAsStream("oauth2-client-schema.sql")) {
				statement.execute(new String(schema.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
	}

	@AfterAll
	static void stop() {
		database.stop();
		testBed.close();
	}

	private static String jdbcUrl(String name) {
		return "jdbc:h2:tcp://127.0.0.1:" + database.getPort() + "/mem:" + name + ";DB_CLOSE_DELAY=-1";
	}

	private static ApplicationContextRunner replica(Class<?> tokenStore) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(McpClientAutoConfiguration.class, WebClientAutoConfiguration.class))
			.withUserConfiguration(tokenStore)
			.withPropertyValues("mcp.client.connections.notes.url=" + testBed.mcpUrl(),
					"mcp.client.connections.notes.authorization.grant=client-credentials",
					"mcp.client.connections.notes.authorization.client-id=" + OAuthTestBed.SERVICE_CLIENT,
					"mcp.client.connections.notes.authorization.client-secret=" + OAuthTestBed.SERVICE_SECRET,
					"mcp.client.connections.notes.authorization.scopes=mcp.tools");
	}

	@Test
	void springSecuritysJdbcStoreSharesATokenBetweenReplicas() throws SQLException {
		assertOneGrantServesBothReplicas(replica(JdbcTokenStore.class), JDBC_DATABASE,
				(context) -> context.getBean(OAuth2AuthorizedClientService.class)
					.loadAuthorizedClient(registrationId(), McpClientRegistrations.PRINCIPAL));
	}

	@Test
	void springSecuritysR2dbcStoreSharesATokenBetweenReplicas() throws SQLException {
		assertOneGrantServesBothReplicas(replica(R2dbcTokenStore.class), R2DBC_DATABASE,
				(context) -> context.getBean(ReactiveOAuth2AuthorizedClientService.class)
					.<OAuth2AuthorizedClient>loadAuthorizedClient(registrationId(), McpClientRegistrations.PRINCIPAL)
					.block());
	}

	private static void assertOneGrantServesBothReplicas(ApplicationContextRunner replica, String databaseName,
			Function<ApplicationContext, OAuth2AuthorizedClient> heldClient) throws SQLException {
		replica.run((a) -> {
			int tokenRequests = testBed.tokenRequests();
			a.getBean(McpClient.class).callTool("my_notes", Map.of());
			assertThat(testBed.tokenRequests() - tokenRequests).isEqualTo(1);
			String tokenOfA = token(heldClient.apply(a));
			replica.run((b) -> {
				assertThat(ClientCredentialsIntegrationTests
					.text(b.getBean(McpClient.class).callTool("my_notes", Map.of())))
					.isEqualTo("notes of " + OAuthTestBed.SERVICE_CLIENT);
				assertThat(testBed.tokenRequests() - tokenRequests).isEqualTo(1);
				assertThat(token(heldClient.apply(b))).isEqualTo(tokenOfA);
			});
		});
		try (Connection connection = DriverManager.getConnection(jdbcUrl(databaseName), "sa", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("select client_registration_id, principal_name from oauth2_authorized_client")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo(registrationId());
			assertThat(rows.getString(2)).isEqualTo(McpClientRegistrations.PRINCIPAL);
			assertThat(rows.next()).isFalse();
		}
	}

	private static String registrationId() {
		return McpClientRegistrations.registrationId("notes", testBed.issuer());
	}

	private static String token(OAuth2AuthorizedClient client) {
		assertThat(client).isNotNull();
		return client.getAccessToken().getTokenValue();
	}

	/**
	 * What each replica of a servlet application defines: Spring Security's JDBC token
	 * store over the shared database, finding the MCP connections' registrations.
	 */
	@Configuration(proxyBeanMethods = false)
	static class JdbcTokenStore {

		@Bean
		OAuth2AuthorizedClientService tokens(McpClientRegistrations registrations) {
			JdbcDataSource dataSource = new JdbcDataSource();
			dataSource.setURL(jdbcUrl(JDBC_DATABASE));
			dataSource.setUser("sa");
			return new JdbcOAuth2AuthorizedClientService(new JdbcTemplate(dataSource),
					registrations.clientRegistrationRepository());
		}

	}

	/**
	 * What each replica of a reactive application defines: Spring Security's R2DBC token
	 * store over the shared database.
	 */
	@Configuration(proxyBeanMethods = false)
	static class R2dbcTokenStore {

		@Bean
		ReactiveOAuth2AuthorizedClientService tokens(McpClientRegistrations registrations) {
			H2ConnectionFactory connections = new H2ConnectionFactory(H2ConnectionConfiguration.builder()
				.tcp("127.0.0.1", database.getPort(), "mem:" + R2DBC_DATABASE)
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
