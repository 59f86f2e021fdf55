package io.github.mcpclient.autoconfigure;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.autoconfigure.testbed.OAuthTestBed;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.client.JdbcOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of an application, each its own context, keep their MCP tokens in one
 * database (H2 in server mode, reached over TCP) with Spring Security's servlet
 * {@link JdbcOAuth2AuthorizedClientService}, unchanged: a token one obtained serves the
 * other without a new grant.
 */
class JdbcTokenStoreTests {

	private static OAuthTestBed testBed;

	private static Server database;

	@BeforeAll
	static void start() throws Exception {
		testBed = OAuthTestBed.start();
		database = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
		try (Connection connection = DriverManager.getConnection(jdbcUrl(), "sa", "");
				Statement statement = connection.createStatement();
				InputStream schema = JdbcOAuth2AuthorizedClientService.class
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
		return "jdbc:h2:tcp://127.0.0.1:" + database.getPort() + "/mem:jdbc-tokens;DB_CLOSE_DELAY=-1";
	}

	private final ApplicationContextRunner replica = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(McpClientAutoConfiguration.class, WebClientAutoConfiguration.class))
		.withUserConfiguration(JdbcTokenStore.class)
		.withPropertyValues("mcp.client.connections.notes.url=" + testBed.mcpUrl(),
				"mcp.client.connections.notes.authorization.grant=client-credentials",
				"mcp.client.connections.notes.authorization.client-id=" + OAuthTestBed.SERVICE_CLIENT,
				"mcp.client.connections.notes.authorization.client-secret=" + OAuthTestBed.SERVICE_SECRET,
				"mcp.client.connections.notes.authorization.scopes=mcp.tools");

	@Test
	void aTokenOneReplicaObtainedServesTheOtherWithoutANewGrant() throws SQLException {
		this.replica.run((a) -> {
			int tokenRequests = testBed.tokenRequests();
			a.getBean(McpClient.class).callTool("my_notes", Map.of());
			assertThat(testBed.tokenRequests() - tokenRequests).isEqualTo(1);
			String tokenOfA = heldToken(a);
			this.replica.run((b) -> {
				assertThat(ClientCredentialsIntegrationTests
					.text(b.getBean(McpClient.class).callTool("my_notes", Map.of())))
					.isEqualTo("notes of " + OAuthTestBed.SERVICE_CLIENT);
				assertThat(testBed.tokenRequests() - tokenRequests).isEqualTo(1);
				assertThat(heldToken(b)).isEqualTo(tokenOfA);
			});
		});
		try (Connection connection = DriverManager.getConnection(jdbcUrl(), "sa", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("select client_registration_id, principal_name " + "from oauth2_authorized_client")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo(McpClientRegistrations.registrationId("notes", testBed.issuer()));
			assertThat(rows.getString(2)).isEqualTo(McpClientRegistrations.PRINCIPAL);
			assertThat(rows.next()).isFalse();
		}
	}

	private static String heldToken(ApplicationContext context) {
		OAuth2AuthorizedClient client = context.getBean(OAuth2AuthorizedClientService.class)
			.loadAuthorizedClient(McpClientRegistrations.registrationId("notes", testBed.issuer()),
					McpClientRegistrations.PRINCIPAL);
		assertThat(client).isNotNull();
		return client.getAccessToken().getTokenValue();
	}

	/**
	 * What each replica's application defines: Spring Security's JDBC token store over
	 * the shared database, finding the MCP connections' registrations.
	 */
	@Configuration(proxyBeanMethods = false)
	static class JdbcTokenStore {

		@Bean
		OAuth2AuthorizedClientService tokens(McpClientRegistrations registrations) {
			JdbcDataSource dataSource = new JdbcDataSource();
			dataSource.setURL(jdbcUrl());
			dataSource.setUser("sa");
			return new JdbcOAuth2AuthorizedClientService(new JdbcTemplate(dataSource),
					registrations.clientRegistrationRepository());
		}

	}

}
