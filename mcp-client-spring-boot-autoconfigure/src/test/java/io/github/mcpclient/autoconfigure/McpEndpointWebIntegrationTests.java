package io.github.mcpclient.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mcpclient.McpClient;
import io.github.mcpclient.protocol.Content;
import io.github.mcpclient.session.SessionIds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code mcp} endpoint and health contributor over HTTP, in a Spring MVC application
 * with Actuator, as a user would call them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"management.endpoints.web.exposure.include=mcp,health", "management.endpoint.health.show-details=always" })
class McpEndpointWebIntegrationTests {

	private static final String SESSION_ID = "c0ffee42-9a7b-4d1e-8f00-1234567890ab";

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance().options(options().dynamicPort()).build();

	@DynamicPropertySource
	static void mcpServer(DynamicPropertyRegistry registry) {
		registry.add("mcp.client.connections.weather.url", () -> server.baseUrl() + "/mcp");
	}

	@LocalServerPort
	private int port;

	@Autowired
	private McpClient weather;

	private WebTestClient http;

	@BeforeEach
	void connect() {
		stubServer();
		// WebTestClient's default of 5 seconds is a guess at the machine's speed
		this.http = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port + "/actuator")
			.responseTimeout(Duration.ofSeconds(30))
			.build();
		// Whatever an earlier test left, this one starts from a live session.
		this.weather.ping();
	}

	@Test
	void listsEveryConnectionWithTheSessionIdMasked() {
		byte[] body = this.http.get()
			.uri("/mcp")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.connections.weather.name")
			.isEqualTo("weather")
			.jsonPath("$.connections.weather.url")
			.isEqualTo(server.baseUrl() + "/mcp")
			.jsonPath("$.connections.weather.state")
			.isEqualTo("READY")
			.jsonPath("$.connections.weather.era")
			.isEqualTo("LEGACY")
			.jsonPath("$.connections.weather.protocolVersion")
			.isEqualTo("2025-11-25")
			.jsonPath("$.connections.weather.sessionId")
			.isEqualTo("c0ff****")
			.jsonPath("$.connections.weather.sessionIdFingerprint")
			.isEqualTo(SessionIds.fingerprint(SESSION_ID))
			.jsonPath("$.connections.weather.serverName")
			.isEqualTo("weather-server")
			.jsonPath("$.connections.weather.serverVersion")
			.isEqualTo("2.1.0")
			.jsonPath("$.connections.weather.establishedAt")
			.isNotEmpty()
			.jsonPath("$.connections.weather.lastActivityAt")
			.isNotEmpty()
			.jsonPath("$.connections.weather.requests")
			.isNumber()
			.jsonPath("$.connections.weather.failures")
			.isEqualTo(0)
			.jsonPath("$.connections.weather.lastError")
			.doesNotExist()
			.returnResult()
			.getResponseBodyContent();
		assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain(SESSION_ID);
	}

	@Test
	void showsOneConnectionAndAnswersNotFoundForAnUnknownName() {
		this.http.get()
			.uri("/mcp/weather")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("weather")
			.jsonPath("$.sessionId")
			.isEqualTo("c0ff****");
		this.http.get().uri("/mcp/nope").exchange().expectStatus().isNotFound();
	}

	@Test
	void deleteEndsTheSessionOnTheServer() {
		this.http.delete().uri("/mcp/weather").exchange().expectStatus().isNoContent();

		server.verify(1, deleteRequestedFor(urlEqualTo("/mcp")).withHeader("MCP-Session-Id", equalTo(SESSION_ID)));
		this.http.get()
			.uri("/mcp/weather")
			.exchange()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("CLOSED")
			.jsonPath("$.sessionId")
			.doesNotExist();
		this.http.delete().uri("/mcp/nope").exchange().expectStatus().isNotFound();
	}

	@Test
	void healthShowsEachConnection() {
		this.http.get()
			.uri("/health/mcp")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.weather.status")
			.isEqualTo("UP")
			.jsonPath("$.components.weather.details.state")
			.isEqualTo("READY")
			.jsonPath("$.components.weather.details.serverName")
			.isEqualTo("weather-server");
	}

	private static void stubServer() {
		server.stubFor(post(urlEqualTo("/mcp")).withRequestBody(matchingJsonPath("$.method", equalTo("initialize")))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withHeader("MCP-Session-Id", SESSION_ID)
				.withBody(
						"{\"jsonrpc\":\"2.0\",\"id\":{{jsonPath request.body '$.id'}},\"result\":{\"protocolVersion\":"
								+ "\"2025-11-25\",\"capabilities\":{},\"serverInfo\":{\"name\":\"weather-server\","
								+ "\"version\":\"2.1.0\"}}}")
				.withTransformers("response-template")));
		server.stubFor(post(urlEqualTo("/mcp"))
			.withRequestBody(matchingJsonPath("$.method", equalTo("notifications/initialized")))
			.willReturn(aResponse().withStatus(202)));
		server.stubFor(post(urlEqualTo("/mcp")).withRequestBody(matchingJsonPath("$.method", equalTo("ping")))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"jsonrpc\":\"2.0\",\"id\":{{jsonPath request.body '$.id'}},\"result\":{}}")
				.withTransformers("response-template")));
		server.stubFor(delete(urlEqualTo("/mcp")).willReturn(aResponse().withStatus(204)));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
