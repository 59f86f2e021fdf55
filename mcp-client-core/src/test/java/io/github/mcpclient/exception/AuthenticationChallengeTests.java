package io.github.mcpclient.exception;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class AuthenticationChallengeTests {

	@Test
	void bearerChallengeOfRfc6750() {
		List<AuthenticationChallenge> challenges = AuthenticationChallenge.parse("Bearer realm=\"example\", "
				+ "error=\"invalid_token\", error_description=\"The access token expired\"");

		assertThat(challenges).singleElement().satisfies((challenge) -> {
			assertThat(challenge.scheme()).isEqualTo("Bearer");
			assertThat(challenge.token68()).isNull();
			assertThat(challenge.realm()).isEqualTo("example");
			assertThat(challenge.error()).isEqualTo("invalid_token");
			assertThat(challenge.errorDescription()).isEqualTo("The access token expired");
			assertThat(challenge.scope()).isNull();
			assertThat(challenge.scopes()).isEmpty();
		});
	}

	@Test
	void insufficientScopeWithResourceMetadataOfRfc9728() {
		AuthenticationChallenge challenge = single(
				"Bearer error=\"insufficient_scope\", scope=\"files:read  files:write\", "
						+ "resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\"");

		assertThat(challenge.error()).isEqualTo("insufficient_scope");
		assertThat(challenge.scope()).isEqualTo("files:read  files:write");
		assertThat(challenge.scopes()).containsExactly("files:read", "files:write");
		assertThat(challenge.resourceMetadata())
			.isEqualTo("https://mcp.example.com/.well-known/oauth-protected-resource/mcp");
	}

	@Test
	void aSchemeAlone() {
		AuthenticationChallenge challenge = single("Bearer");

		assertThat(challenge.scheme()).isEqualTo("Bearer");
		assertThat(challenge.token68()).isNull();
		assertThat(challenge.parameters()).isEmpty();
	}

	@Test
	void severalChallengesInOneValue() {
		List<AuthenticationChallenge> challenges = AuthenticationChallenge
			.parse("Newauth realm=\"apps\", type=1, title=\"Login to \\\"apps\\\"\", Basic realm=\"simple\", Bearer");

		assertThat(challenges).extracting(AuthenticationChallenge::scheme)
			.containsExactly("Newauth", "Basic", "Bearer");
		assertThat(challenges.get(0).parameters()).containsExactly(entry("realm", "apps"), entry("type", "1"),
				entry("title", "Login to \"apps\""));
		assertThat(challenges.get(1).realm()).isEqualTo("simple");
		assertThat(challenges.get(2).parameters()).isEmpty();
	}

	@Test
	void severalHeaderValues() {
		List<AuthenticationChallenge> challenges = AuthenticationChallenge
			.parse(List.of("Basic realm=\"simple\"", "Bearer resource_metadata=\"https://a.example/m\""));

		assertThat(challenges).extracting(AuthenticationChallenge::scheme).containsExactly("Basic", "Bearer");
		assertThat(challenges.get(1).resourceMetadata()).isEqualTo("https://a.example/m");
	}

	@Test
	void token68Challenges() {
		List<AuthenticationChallenge> challenges = AuthenticationChallenge
			.parse("Negotiate YIIBhwYGKwYBBQUCoIIBezCCAXeg==, NTLM, Bearer realm=x");

		assertThat(challenges).extracting(AuthenticationChallenge::scheme)
			.containsExactly("Negotiate", "NTLM", "Bearer");
		assertThat(challenges.get(0).token68()).isEqualTo("YIIBhwYGKwYBBQUCoIIBezCCAXeg==");
		assertThat(challenges.get(0).parameters()).isEmpty();
		assertThat(challenges.get(1).token68()).isNull();
		assertThat(challenges.get(2).realm()).isEqualTo("x");
	}

	@Test
	void quotedStringsKeepCommasAndEqualsAndUnescapePairs() {
		AuthenticationChallenge challenge = single(
				"Bearer error_description=\"a, b = c; \\\\ \\\"d\\\"\", scope=\"x\"");

		assertThat(challenge.errorDescription()).isEqualTo("a, b = c; \\ \"d\"");
		assertThat(challenge.scope()).isEqualTo("x");
	}

	@Test
	void namesAndSchemesCompareCaseInsensitivelyAndKeepTheirSpelling() {
		AuthenticationChallenge challenge = single("bEaReR REALM=\"r\", Error=invalid_token");

		assertThat(challenge.scheme()).isEqualTo("bEaReR");
		assertThat(challenge.isScheme("Bearer")).isTrue();
		assertThat(challenge.parameters()).containsOnlyKeys("realm", "error");
		assertThat(challenge.parameter("ERROR")).isEqualTo("invalid_token");
	}

	@Test
	void whitespaceAroundEqualsAndCommasAndEmptyElements() {
		List<AuthenticationChallenge> challenges = AuthenticationChallenge
			.parse(" ,\tBearer  realm = \"r\" ,, scope =a ,  , Basic\trealm=b ,");

		assertThat(challenges).hasSize(2);
		assertThat(challenges.get(0).parameters()).containsExactly(entry("realm", "r"), entry("scope", "a"));
		assertThat(challenges.get(1).realm()).isEqualTo("b");
	}

	@Test
	void theFirstOfARepeatedParameterCounts() {
		assertThat(single("Bearer error=first, error=second").error()).isEqualTo("first");
	}

	@Test
	void unquotedUrlsAndParametersSeparatedBySpacesAlone() {
		AuthenticationChallenge challenge = single(
				"Bearer resource_metadata=https://a.example/.well-known/oauth-protected-resource error=\"invalid_token\"");

		assertThat(challenge.resourceMetadata()).isEqualTo("https://a.example/.well-known/oauth-protected-resource");
		assertThat(challenge.error()).isEqualTo("invalid_token");
	}

	@Test
	void anEmptyValueAndAnUnterminatedQuote() {
		assertThat(single("Bearer realm=\"\"").realm()).isEmpty();
		assertThat(single("Bearer error_description=\"never closed, at all").errorDescription())
			.isEqualTo("never closed, at all");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", ",,,", "=", "\"quoted\"", "=value", "realm=\"stray\"" })
	void nothingReadableIsNoChallenge(String header) {
		assertThat(AuthenticationChallenge.parse(header)).isEmpty();
	}

	@Test
	void junkIsSkippedToTheNextChallenge() {
		List<AuthenticationChallenge> challenges = AuthenticationChallenge
			.parse("\"junk, with comma\" , =x, Bearer realm=\"r\", @@@, Basic realm=\"b\"");

		assertThat(challenges).extracting(AuthenticationChallenge::scheme).containsExactly("Bearer", "Basic");
		assertThat(challenges.get(0).realm()).isEqualTo("r");
	}

	@Test
	void noHeaderIsNoChallenge() {
		assertThat(AuthenticationChallenge.parse((String) null)).isEmpty();
		assertThat(AuthenticationChallenge.parse(List.of())).isEmpty();
	}

	@Test
	void parametersAreACopyInTheServersOrder() {
		AuthenticationChallenge challenge = new AuthenticationChallenge("Bearer", null,
				new java.util.LinkedHashMap<>(Map.of("Scope", "a")));

		assertThat(challenge.parameters()).containsExactly(entry("scope", "a"));
		assertThat(challenge.scopes()).containsExactly("a");
	}

	private static AuthenticationChallenge single(String header) {
		List<AuthenticationChallenge> challenges = AuthenticationChallenge.parse(header);
		assertThat(challenges).hasSize(1);
		return challenges.get(0);
	}

}
