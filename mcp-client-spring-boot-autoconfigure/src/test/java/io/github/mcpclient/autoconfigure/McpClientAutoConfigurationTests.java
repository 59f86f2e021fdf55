package io.github.mcpclient.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClientCustomizer;
import io.github.mcpclient.McpClients;
import io.github.mcpclient.McpElicitationHandler;
import io.github.mcpclient.McpRootsProvider;
import io.github.mcpclient.McpSamplingHandler;
import io.github.mcpclient.McpWireMock;
import io.github.mcpclient.exception.McpTransportException;
import io.github.mcpclient.exception.UnsupportedProtocolVersionException;
import io.github.mcpclient.protocol.ElicitResult;
import io.github.mcpclient.protocol.Era;
import io.github.mcpclient.protocol.Root;
import io.github.mcpclient.session.SessionState;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class McpClientAutoConfigurationTests {

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance().options(options().dynamicPort()).build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(McpClientAutoConfiguration.class, WebClientAutoConfiguration.class));

	// Long: waits end as soon as what they wait for has happened
	private static final Duration WAIT = Duration.ofSeconds(30);

	private String url() {
		return server.baseUrl() + "/mcp";
	}

	@Test
	void noConnectionsGivesAnEmptyRegistry() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(McpClients.class).doesNotHaveBean(McpClient.class);
			assertThat(context.getBean(McpClients.class).names()).isEmpty();
		});
	}

	@Test
	void defaultsApplyToAConnection() {
		this.runner.withPropertyValues("mcp.client.connections.weather.url=" + url()).run((context) -> {
			McpClient client = context.getBean(McpClient.class);
			assertThat(client.name()).isEqualTo("weather");
			assertThat(client.session().state()).isEqualTo(SessionState.NEW);
			assertThat(client.session().url().toString()).isEqualTo(url());
		});
	}

	@Test
	void connectionsKeepConfigurationOrderAndAreQualifiedByName() {
		this.runner
			.withPropertyValues("mcp.client.connections.zeta.url=" + url(), "mcp.client.connections.alpha.url=" + url(),
					"mcp.client.connections.mid.url=" + url())
			.withUserConfiguration(QualifiedInjection.class)
			.run((context) -> {
				McpClients clients = context.getBean(McpClients.class);
				assertThat(clients.names()).containsExactly("zeta", "alpha", "mid");
				assertThat(clients).extracting(McpClient::name).containsExactly("zeta", "alpha", "mid");
				assertThat(context.getBean(QualifiedInjection.class).alpha.name()).isEqualTo("alpha");
				assertThat(context.getBeansOfType(McpClient.class)).containsOnlyKeys("zeta", "alpha", "mid");
				assertThat(context.getBean("mid", McpClient.class)).isSameAs(clients.get("mid"));
			});
	}

	@Test
	void unknownNameListsTheKnownOnes() {
		this.runner.withPropertyValues("mcp.client.connections.one.url=" + url()).run((context) -> {
			assertThatIllegalArgumentException().isThrownBy(() -> context.getBean(McpClients.class).get("two"))
				.withMessageContaining("'two'")
				.withMessageContaining("[one]");
		});
	}

	@Test
	void disabledConnectionIsSkipped() {
		this.runner
			.withPropertyValues("mcp.client.connections.one.url=" + url(), "mcp.client.connections.two.url=" + url(),
					"mcp.client.connections.two.enabled=false")
			.run((context) -> {
				assertThat(context.getBean(McpClients.class).names()).containsExactly("one");
				assertThat(context).hasSingleBean(McpClient.class);
			});
	}

	@Test
	void disabledCreatesNothing() {
		this.runner.withPropertyValues("mcp.client.enabled=false", "mcp.client.connections.one.url=" + url())
			.run((context) -> assertThat(context).doesNotHaveBean(McpClients.class).doesNotHaveBean(McpClient.class));
	}

	@Test
	void withoutWebClientCreatesNothing() {
		this.runner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.withPropertyValues("mcp.client.connections.one.url=" + url())
			.run((context) -> assertThat(context).doesNotHaveBean(McpClients.class).doesNotHaveBean(McpClient.class));
	}

	@Test
	void userDefinedClientsWin() {
		this.runner.withPropertyValues("mcp.client.connections.one.url=" + url())
			.withUserConfiguration(UserClients.class)
			.run((context) -> assertThat(context).getBean(McpClients.class).isSameAs(UserClients.CLIENTS));
	}

	@Test
	void customizersReceiveTheConnectionNameOnItsFirstCall() {
		stubServer();
		this.runner
			.withPropertyValues("mcp.client.connections.one.url=" + url(), "mcp.client.connections.two.url=" + url())
			.withUserConfiguration(RecordingCustomizer.class)
			.run((context) -> {
				RecordingCustomizer customizer = context.getBean(RecordingCustomizer.class);
				assertThat(customizer.names).isEmpty();
				McpClients clients = context.getBean(McpClients.class);
				clients.get("two").ping();
				clients.get("one").ping();
				clients.get("two").ping();
				assertThat(customizer.names).containsExactly("two", "one");
			});
	}

	@Test
	void startingTheContextBuildsNoHttpClient() {
		this.runner.withPropertyValues("mcp.client.connections.one.url=" + url())
			.withUserConfiguration(CountingWebClientCustomizer.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(McpClient.class);
				// Boot's builder (and the connector it carries) was never asked for.
				assertThat(context.getBean(CountingWebClientCustomizer.class).builders).isZero();
				stubServer();
				context.getBean(McpClient.class).ping();
				context.getBean(McpClient.class).ping();
				assertThat(context.getBean(CountingWebClientCustomizer.class).builders).isEqualTo(1);
			});
	}

	@Test
	void startingTheContextBuildsNoClientEngine() {
		// Building a connection's engine looks at the registry it observes with, so a
		// registry nobody asked anything has seen no engine built.
		ObservationRegistry registry = mock(ObservationRegistry.class, delegatesTo(ObservationRegistry.NOOP));
		this.runner.withPropertyValues("mcp.client.connections.one.url=" + url())
			.withBean(ObservationRegistry.class, () -> registry)
			.run((context) -> {
				McpClient client = context.getBean(McpClient.class);
				assertThat(client.session().state()).isEqualTo(SessionState.NEW);
				assertThat(client.statistics().requests()).isZero();
				verifyNoInteractions(registry);
				stubServer();
				client.ping();
				verify(registry, atLeastOnce()).isNoop();
			});
	}

	@Test
	void customizerFiltersSeeTheTraffic() {
		stubServer();
		this.runner.withPropertyValues("mcp.client.connections.one.url=" + url())
			.withBean(McpClientCustomizer.class, () -> (name, builder) -> builder.defaultHeader("X-Connection", name))
			.run((context) -> {
				context.getBean(McpClient.class).ping();
				server.verify(postRequestedFor(urlEqualTo("/mcp")).withHeader("X-Connection", equalTo("one")));
			});
	}

	@Test
	void staticHeadersAndClientInfoAreSent() {
		stubServer();
		this.runner
			.withPropertyValues("mcp.client.connections.one.url=" + url(),
					"mcp.client.connections.one.headers.Authorization=Bearer s3cret", "spring.application.name=orders")
			.run((context) -> {
				McpClient client = context.getBean(McpClient.class);
				client.ping();
				server.verify(postRequestedFor(urlEqualTo("/mcp")).withHeader("Authorization", equalTo("Bearer s3cret"))
					.withRequestBody(matchingJsonPath("$.params.clientInfo.name", equalTo("orders"))));
			});
	}

	@Test
	void clientInfoPropertiesWinOverApplicationName() {
		stubServer();
		this.runner
			.withPropertyValues("mcp.client.connections.one.url=" + url(), "spring.application.name=orders",
					"mcp.client.client-info.name=orders-mcp", "mcp.client.client-info.version=9.9")
			.run((context) -> {
				context.getBean(McpClient.class).ping();
				server.verify(postRequestedFor(urlEqualTo("/mcp"))
					.withRequestBody(matchingJsonPath("$.params.clientInfo.name", equalTo("orders-mcp")))
					.withRequestBody(matchingJsonPath("$.params.clientInfo.version", equalTo("9.9"))));
			});
	}

	@Test
	void pinnedProtocolVersionIsOfferedAndRequired() {
		stubServer();
		this.runner
			.withPropertyValues("mcp.client.connections.one.url=" + url(),
					"mcp.client.connections.one.protocol-version=2025-06-18")
			.run((context) -> {
				McpClient client = context.getBean(McpClient.class);
				assertThatExceptionOfType(UnsupportedProtocolVersionException.class).isThrownBy(client::ping)
					.satisfies((ex) -> assertThat(ex.getServerVersions()).containsExactly("2025-11-25"));
				server.verify(postRequestedFor(urlEqualTo("/mcp"))
					.withRequestBody(matchingJsonPath("$.params.protocolVersion", equalTo("2025-06-18"))));
			});
	}

	@Test
	void handlerBeansDeclareTheirCapabilitiesAndListenByDefault() {
		stubServer();
		server.stubFor(get(urlEqualTo("/mcp")).willReturn(aResponse().withStatus(405)));
		this.runner.withPropertyValues("mcp.client.connections.one.url=" + url())
			.withBean(McpElicitationHandler.class, () -> (name, request) -> ElicitResult.decline())
			.withBean(McpRootsProvider.class, () -> (name) -> List.of())
			.run((context) -> {
				context.getBean(McpClient.class).ping();
				server.verify(
						postRequestedFor(urlEqualTo("/mcp")).withRequestBody(matchingJsonPath("$.params.capabilities",
								equalToJson("{\"elicitation\":{},\"roots\":{\"listChanged\":true}}"))));
				// The GET stream opens beside the first call, not before it returns
				await().atMost(WAIT).untilAsserted(() -> server.verify(1, getRequestedFor(urlEqualTo("/mcp"))));
			});
	}

	@ParameterizedTest
	@ValueSource(classes = { McpElicitationHandler.class, McpSamplingHandler.class, McpRootsProvider.class })
	<T> void twoHandlersOfOneTypeFailStartupNamingBoth(Class<T> type) {
		this.runner.withPropertyValues("mcp.client.connections.one.url=" + url())
			.withBean("firstHandler", type, () -> mock(type))
			.withBean("secondHandler", type, () -> mock(type))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining(type.getSimpleName())
				.hasMessageContaining("firstHandler")
				.hasMessageContaining("secondHandler")
				.hasMessageContaining("@Primary"));
	}

	@Test
	void ofTwoHandlersOfOneTypeThePrimaryOneAnswers() {
		McpWireMock.stubPingableServer(server, null);
		server.stubFor(get(urlEqualTo("/mcp")).willReturn(aResponse().withStatus(405)));
		// The server asks for the roots while it answers the ping
		server.stubFor(post(urlEqualTo("/mcp")).withRequestBody(matchingJsonPath("$.method", equalTo("ping")))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody("data: {\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"method\":\"roots/list\"}\n\n"
						+ "data: {\"jsonrpc\":\"2.0\",\"id\":{{jsonPath request.body '$.id'}},\"result\":{}}\n\n")
				.withTransformers("response-template")));
		server.stubFor(post(urlEqualTo("/mcp")).withRequestBody(matchingJsonPath("$.id", equalTo("s1")))
			.willReturn(aResponse().withStatus(202)));
		this.runner.withPropertyValues("mcp.client.connections.one.url=" + url())
			.withBean("projects", McpRootsProvider.class,
					() -> (name) -> List.of(new Root("file:///srv/projects", "projects")),
					(definition) -> definition.setPrimary(true))
			.withBean("scratch", McpRootsProvider.class, () -> (name) -> List.of(new Root("file:///tmp", "scratch")))
			.run((context) -> {
				context.getBean(McpClient.class).ping();
				server.verify(postRequestedFor(urlEqualTo("/mcp")).withRequestBody(equalToJson(
						"{\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"result\":{\"roots\":[{\"uri\":\"file:///srv/projects\",\"name\":\"projects\"}]}}")));
			});
	}

	@Test
	void listenOpensTheGetStreamAfterTheHandshake() {
		stubServer();
		server.stubFor(get(urlEqualTo("/mcp")).willReturn(aResponse().withStatus(405)));
		this.runner
			.withPropertyValues("mcp.client.connections.one.url=" + url(), "mcp.client.listen=true",
					"mcp.client.connections.two.url=" + url(), "mcp.client.connections.two.listen=false")
			.run((context) -> {
				McpClients clients = context.getBean(McpClients.class);
				clients.get("two").ping();
				server.verify(0, getRequestedFor(urlEqualTo("/mcp")));
				clients.get("one").ping();
				await().atMost(WAIT).untilAsserted(() -> server.verify(1, getRequestedFor(urlEqualTo("/mcp"))));
			});
	}

	@Test
	void eraIsChosenByProbingUnlessPinned() {
		stubServer();
		this.runner
			.withPropertyValues("mcp.client.connections.auto.url=" + url(),
					"mcp.client.connections.pinned.url=" + url(), "mcp.client.connections.pinned.era=legacy")
			.run((context) -> {
				McpClients clients = context.getBean(McpClients.class);
				clients.get("pinned").ping();
				server.verify(0, postRequestedFor(urlEqualTo("/mcp"))
					.withRequestBody(matchingJsonPath("$.method", equalTo("server/discover"))));
				clients.get("auto").ping();
				server.verify(1, postRequestedFor(urlEqualTo("/mcp"))
					.withRequestBody(matchingJsonPath("$.method", equalTo("server/discover"))));
				assertThat(clients.get("auto").session().era()).isEqualTo(Era.LEGACY);
			});
	}

	// Every invalid value is in McpClientSettingsMapperTests; this is the way it stops
	// the application
	@Test
	void missingUrlFailsNamingTheProperty() {
		this.runner.withPropertyValues("mcp.client.connections.one.headers.X=1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("mcp.client.connections.one.url"));
	}

	@Test
	void noRequestReachesTheServerWhileTheContextStarts() {
		stubServer();
		this.runner
			.withPropertyValues("mcp.client.connections.one.url=" + url(), "mcp.client.connections.two.url=" + url())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				server.verify(0, anyRequestedFor(anyUrl()));
			});
	}

	@Test
	void initializeOnStartupConnectsInTheBackground() {
		stubServer();
		this.runner
			.withPropertyValues("mcp.client.connections.one.url=" + url(), "mcp.client.initialize-on-startup=true")
			.run((context) -> {
				McpClient client = context.getBean(McpClient.class);
				client.reactive().initialize().block(WAIT);
				server.verify(1, postRequestedFor(urlEqualTo("/mcp"))
					.withRequestBody(matchingJsonPath("$.method", equalTo("initialize"))));
			});
	}

	@Test
	void initializeOnStartupWithADownServerDoesNotFailStartup() {
		this.runner
			.withPropertyValues("mcp.client.connections.one.url=http://127.0.0.1:1/mcp",
					"mcp.client.initialize-on-startup=true")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(McpClient.class));
	}

	@Test
	void failFastWithADownServerFailsStartup() {
		this.runner
			.withPropertyValues("mcp.client.connections.one.url=http://127.0.0.1:1/mcp",
					"mcp.client.initialize-on-startup=true", "mcp.client.fail-fast=true")
			.run((context) -> assertThat(context).getFailure()
				.satisfies((ex) -> assertThat(causeChain(ex))
					.anySatisfy((cause) -> assertThat(cause).isInstanceOf(McpTransportException.class)
						.hasMessageContaining("'one'")
						.hasMessageContaining("'server/discover'"))));
	}

	@Test
	void contextCloseEndsEachSessionOnce() {
		stubServer();
		server.stubFor(delete(urlEqualTo("/mcp")).willReturn(aResponse().withStatus(204)));
		// A deadline for what must succeed, however busy the machine
		this.runner.withPropertyValues("mcp.client.connections.one.url=" + url(), "mcp.client.close-timeout=30s")
			.run((context) -> {
				context.getBean(McpClient.class).ping();
				context.close();
				server.verify(1,
						deleteRequestedFor(urlEqualTo("/mcp")).withHeader("MCP-Session-Id", equalTo("sess-1234567")));
			});
	}

	@Test
	void contextCloseEndsEachSessionBeforeTheHttpClientsResourcesAreReleased() {
		stubServer();
		server.stubFor(delete(urlEqualTo("/mcp")).willReturn(aResponse().withStatus(204)));
		// Boot's connector runs on Reactor Netty resources that the context releases when
		// it stops: the sessions must be ended before that.
		this.runner.withConfiguration(AutoConfigurations
			.of(org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration.class))
			.withPropertyValues("mcp.client.connections.one.url=" + url(), "mcp.client.close-timeout=30s")
			.run((context) -> {
				assertThat(context).hasSingleBean(org.springframework.http.client.ReactorResourceFactory.class);
				context.getBean(McpClient.class).ping();
				context.close();
				server.verify(1,
						deleteRequestedFor(urlEqualTo("/mcp")).withHeader("MCP-Session-Id", equalTo("sess-1234567")));
			});
	}

	private static List<Throwable> causeChain(Throwable ex) {
		List<Throwable> chain = new ArrayList<>();
		for (Throwable cause = ex; cause != null && !chain.contains(cause); cause = cause.getCause()) {
			chain.add(cause);
		}
		return chain;
	}

	private static void stubServer() {
		McpWireMock.stubPingableServer(server, "sess-1234567");
	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedInjection {

		final McpClient alpha;

		QualifiedInjection(@Qualifier("alpha") McpClient alpha) {
			this.alpha = alpha;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserClients {

		static final McpClients CLIENTS = new McpClients(List.of(McpConnectionBeanRegistrarTests.client("one")),
				Duration.ofSeconds(1));

		@Bean
		McpClients myClients() {
			return CLIENTS;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CountingWebClientCustomizer implements WebClientCustomizer {

		volatile int builders;

		@Override
		public void customize(WebClient.Builder webClientBuilder) {
			this.builders++;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingCustomizer implements McpClientCustomizer {

		final List<String> names = new ArrayList<>();

		@Override
		public void customize(String connectionName, WebClient.Builder webClientBuilder) {
			this.names.add(connectionName);
		}

	}

}
