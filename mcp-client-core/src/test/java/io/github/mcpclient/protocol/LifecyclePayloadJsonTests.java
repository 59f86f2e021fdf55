package io.github.mcpclient.protocol;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.mcpclient.protocol.PayloadJson.assertWrites;
import static io.github.mcpclient.protocol.PayloadJson.read;
import static io.github.mcpclient.protocol.PayloadJson.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the JSON form of initialization, logging, pagination and empty payloads.
 */
class LifecyclePayloadJsonTests {

	@Test
	void readsInitializeResultWithNestedCapabilitiesAndUnknownFields() {
		InitializeResult result = read("""
				{
				  "protocolVersion": "2025-11-25",
				  "capabilities": {
					"logging": {},
					"completions": {},
					"prompts": {"listChanged": true},
					"resources": {"subscribe": true, "listChanged": false, "futureFlag": 1},
					"tools": {"listChanged": true},
					"tasks": {"list": {}, "requests": {"tools": {"call": {}}}},
					"experimental": {"vendor.streaming": {"chunked": true}}
				  },
				  "serverInfo": {
					"name": "ExampleServer",
					"title": "Example Server Display Name",
					"version": "1.0.0",
					"description": "An example server",
					"websiteUrl": "https://example.com",
					"icons": [{"src": "https://example.com/icon.png", "sizes": ["48x48"]}]
				  },
				  "instructions": "Optional instructions for the client",
				  "_meta": {"region": "eu"},
				  "brandNewField": {"anything": [1, 2]}
				}
				""", InitializeResult.class);
		assertThat(result.protocolVersion()).isEqualTo("2025-11-25");
		assertThat(result.serverInfo()).isEqualTo(new Implementation("ExampleServer", "Example Server Display Name",
				"1.0.0", "An example server", "https://example.com"));
		assertThat(result.instructions()).isEqualTo("Optional instructions for the client");
		assertThat(result.meta()).containsEntry("region", "eu");
		ServerCapabilities capabilities = result.capabilities();
		assertThat(capabilities.tools()).isEqualTo(new ServerCapabilities.Tools(true));
		assertThat(capabilities.resources()).isEqualTo(new ServerCapabilities.Resources(true, false));
		assertThat(capabilities.prompts()).isEqualTo(new ServerCapabilities.Prompts(true));
		assertThat(capabilities.logging()).isEmpty();
		assertThat(capabilities.completions()).isEmpty();
		assertThat(capabilities.experimental()).containsEntry("vendor.streaming", Map.of("chunked", true));
		assertThat(capabilities.hasTools()).isTrue();
		assertThat(capabilities.hasResources()).isTrue();
		assertThat(capabilities.hasResourceSubscriptions()).isTrue();
		assertThat(capabilities.hasPrompts()).isTrue();
		assertThat(capabilities.hasLogging()).isTrue();
		assertThat(capabilities.hasCompletions()).isTrue();
	}

	@Test
	void serverWithoutOptionalFeaturesReportsNone() {
		InitializeResult result = read("""
				{"protocolVersion": "2025-06-18", "capabilities": {}, "serverInfo": {"name": "tiny", "version": "0"}}
				""", InitializeResult.class);
		ServerCapabilities capabilities = result.capabilities();
		assertThat(capabilities).isEqualTo(ServerCapabilities.none());
		assertThat(capabilities.hasTools()).isFalse();
		assertThat(capabilities.hasResources()).isFalse();
		assertThat(capabilities.hasResourceSubscriptions()).isFalse();
		assertThat(capabilities.hasPrompts()).isFalse();
		assertThat(capabilities.hasLogging()).isFalse();
		assertThat(capabilities.hasCompletions()).isFalse();
		assertThat(result.instructions()).isNull();
	}

	@Test
	void missingCapabilitiesAreTreatedAsNone() {
		InitializeResult result = read("""
				{"protocolVersion": "2025-11-25", "serverInfo": {"name": "sloppy", "version": "0.1"}}
				""", InitializeResult.class);
		assertThat(result.capabilities()).isEqualTo(ServerCapabilities.none());
	}

	@Test
	void resourcesWithoutSubscribeDoNotSupportSubscriptions() {
		ServerCapabilities capabilities = read("""
				{"resources": {}}
				""", ServerCapabilities.class);
		assertThat(capabilities.hasResources()).isTrue();
		assertThat(capabilities.hasResourceSubscriptions()).isFalse();
	}

	@Test
	void serverCapabilitiesKeepEmptyObjectsWhenWritten() {
		ServerCapabilities capabilities = new ServerCapabilities(new ServerCapabilities.Tools(null),
				new ServerCapabilities.Resources(true, null), null, Map.of(), Map.of(), null);
		assertWrites(capabilities, """
				{"tools": {}, "resources": {"subscribe": true}, "logging": {}, "completions": {}}
				""");
		assertThat(roundTrip(capabilities, ServerCapabilities.class)).isEqualTo(capabilities);
	}

	@Test
	void writesInitializeRequestWithEmptyCapabilityObjects() {
		ClientCapabilities capabilities = new ClientCapabilities(new ClientCapabilities.Roots(true), Map.of(),
				Map.of("form", Map.of()), Map.of("vendor.feature", Map.of()));
		InitializeRequest request = new InitializeRequest("2025-11-25", capabilities,
				new Implementation("spring-mcp-client", "Spring MCP Client", "0.1.0", null, null));
		assertWrites(request, """
				{
				  "protocolVersion": "2025-11-25",
				  "capabilities": {
					"roots": {"listChanged": true},
					"sampling": {},
					"elicitation": {"form": {}},
					"experimental": {"vendor.feature": {}}
				  },
				  "clientInfo": {"name": "spring-mcp-client", "title": "Spring MCP Client", "version": "0.1.0"}
				}
				""");
		assertThat(roundTrip(request, InitializeRequest.class)).isEqualTo(request);
		assertThat(capabilities.hasRoots()).isTrue();
		assertThat(capabilities.hasSampling()).isTrue();
		assertThat(capabilities.hasElicitation()).isTrue();
	}

	@Test
	void writesInitializeRequestWithoutCapabilities() {
		InitializeRequest request = new InitializeRequest("2025-11-25", ClientCapabilities.none(),
				new Implementation("client", "1.2.3"));
		assertWrites(request, """
				{"protocolVersion": "2025-11-25", "capabilities": {},
				 "clientInfo": {"name": "client", "version": "1.2.3"}}
				""");
		ClientCapabilities none = request.capabilities();
		assertThat(none.hasRoots()).isFalse();
		assertThat(none.hasSampling()).isFalse();
		assertThat(none.hasElicitation()).isFalse();
	}

	@Test
	void writesSetLevelRequestForEveryLevel() {
		for (LoggingLevel level : LoggingLevel.values()) {
			String name = level.name().toLowerCase(Locale.ROOT);
			assertWrites(new SetLevelRequest(level), "{\"level\": \"" + name + "\"}");
			assertThat(read("{\"level\": \"" + name + "\"}", SetLevelRequest.class).level()).isEqualTo(level);
		}
	}

	@Test
	void loggingLevelsAreOrderedBySeverity() {
		assertThat(LoggingLevel.values()).containsExactly(LoggingLevel.DEBUG, LoggingLevel.INFO, LoggingLevel.NOTICE,
				LoggingLevel.WARNING, LoggingLevel.ERROR, LoggingLevel.CRITICAL, LoggingLevel.ALERT,
				LoggingLevel.EMERGENCY);
		assertThat(LoggingLevel.WARNING).isGreaterThan(LoggingLevel.NOTICE);
	}

	@Test
	void writesPaginatedRequest() {
		assertWrites(PaginatedRequest.firstPage(), "{}");
		assertWrites(new PaginatedRequest("eyJvZmZzZXQiOjUwfQ=="), """
				{"cursor": "eyJvZmZzZXQiOjUwfQ=="}
				""");
	}

	@Test
	void readsEmptyResult() {
		assertThat(read("{}", EmptyResult.class)).isEqualTo(new EmptyResult(null));
		EmptyResult withMeta = read("""
				{"_meta": {"took": 1}, "extra": "ignored"}
				""", EmptyResult.class);
		assertThat(withMeta.meta()).containsExactly(Map.entry("took", 1));
		assertWrites(new EmptyResult(null), "{}");
		assertWrites(withMeta, """
				{"_meta": {"took": 1}}
				""");
	}

}
