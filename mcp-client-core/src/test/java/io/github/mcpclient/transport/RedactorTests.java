package io.github.mcpclient.transport;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.mcpclient.protocol.JsonRpcError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTests {

	private static final String TOKEN = "s3cr3t-T0ken_value";

	private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ";

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final Redactor redactor = new Redactor(() -> "session-0123456789abcdef",
			headers("Authorization", "Bearer " + TOKEN, "X-Api-Key", "key-0123456789", "X-Tenant", "acme"));

	@Test
	void masksTheSessionIdKeepingItsPrefix() {
		assertThat(this.redactor.redact("unknown session session-0123456789abcdef"))
			.isEqualTo("unknown session sess****");
	}

	@Test
	void masksConfiguredHeaderValuesWithAndWithoutTheirScheme() {
		assertThat(this.redactor.redact("got Authorization: Bearer " + TOKEN + " and key key-0123456789"))
			.isEqualTo("got Authorization: **** and key ****");
		assertThat(this.redactor.redact("token=" + TOKEN + "&x=1")).isEqualTo("token=****&x=1");
	}

	@Test
	void leavesShortConfiguredValuesAlone() {
		assertThat(this.redactor.redact("tenant acme not found")).isEqualTo("tenant acme not found");
	}

	@Test
	void masksASecretCutOffAtTheEndOfAnExcerpt() {
		assertThat(this.redactor.redact("header was Bearer s3cr3t-T0")).isEqualTo("header was ****");
		assertThat(this.redactor.redact("key was key-0123")).isEqualTo("key was ****");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bearer ", "bearer ", "BEARER  ", "Basic ", "DPoP " })
	void masksCredentialsAfterAnAuthorizationScheme(String scheme) {
		assertThat(this.redactor.redact("echo: " + scheme + "AbC123.def_456-xyz~+/== end"))
			.isEqualTo("echo: " + scheme + "**** end");
	}

	@Test
	void keepsChallengesAndProseAfterASchemeName() {
		String challenge = "Bearer realm=\"mcp\", error=\"invalid_token\", resource_metadata=\"https://a.example/x\"";
		assertThat(this.redactor.redact(challenge)).isEqualTo(challenge);
		assertThat(this.redactor.redact("Basic authentication is not supported"))
			.isEqualTo("Basic authentication is not supported");
	}

	@Test
	void masksJsonWebTokensAnywhere() {
		assertThat(this.redactor.redact("{\"token\":\"" + JWT + "\"}")).isEqualTo("{\"token\":\"****\"}");
	}

	@Test
	void masksLongRandomLookingStrings() {
		assertThat(this.redactor.redact("api key ghp_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5 rejected"))
			.isEqualTo("api key **** rejected");
	}

	@ParameterizedTest
	@ValueSource(strings = { "HttpServletStreamableServerTransportProviderException",
			"0123456789abcdef0123456789abcdef0123456789abcdef", "123e4567-e89b-12d3-a456-426614174000",
			"https://example.com/mcp/v1/resources/list" })
	void keepsWordsDigestsUuidsAndUrls(String text) {
		assertThat(this.redactor.redact(text)).isEqualTo(text);
	}

	@Test
	void redactsTheMessageAndEveryStringInTheDataOfAJsonRpcError() {
		JsonNode data = this.mapper.readTree("{\"request\":{\"headers\":{\"authorization\":\"Bearer " + TOKEN
				+ "\"}},\"tokens\":[\"" + JWT + "\",42,null],\"ok\":true}");
		JsonRpcError error = new JsonRpcError(-32001, "invalid token " + TOKEN, data);

		JsonRpcError redacted = this.redactor.redact(error);

		assertThat(redacted.code()).isEqualTo(-32001);
		assertThat(redacted.message()).isEqualTo("invalid token ****");
		assertThat(redacted.data()).hasToString(
				"{\"request\":{\"headers\":{\"authorization\":\"****\"}},\"tokens\":[\"****\",42,null],\"ok\":true}");
		assertThat(data.toString()).contains(TOKEN);
	}

	@Test
	void withoutSessionOrHeadersOnlyShapesAreMasked() {
		Redactor plain = new Redactor(() -> null, Map.of());

		assertThat(plain.redact("Bearer " + TOKEN + " is bad")).isEqualTo("Bearer **** is bad");
	}

	private static Map<String, String> headers(String... namesAndValues) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return headers;
	}

}
