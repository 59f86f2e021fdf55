package io.github.mcpclient.transport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.mcpclient.protocol.JsonRpcError;
import io.github.mcpclient.session.SessionIds;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Takes secrets out of server text before the client keeps it: error pages and JSON-RPC
 * errors sometimes echo the request's headers back, and what the client keeps ends up in
 * exception messages, logs, statistics and the Actuator endpoint. Removed are the session
 * id (masked, so ids can still be told apart), the values of the connection's configured
 * headers, credentials after an authorization scheme ({@code Bearer ...}), JSON Web
 * Tokens, and long random-looking strings that are probably tokens.
 *
 * @since 0.1.0
 */
public final class Redactor {

	static final String MASK = "****";

	// Configured values this short are more likely "1" or "json" than secrets, and
	// masking them would garble every message.
	private static final int MIN_SECRET_LENGTH = 8;

	// A secret cut off at the end of an excerpt still leaks its start.
	private static final int MIN_CUT_SECRET_LENGTH = 6;

	private static final Pattern SCHEME_CREDENTIALS = Pattern
		.compile("(?i)\\b(Bearer|Basic|DPoP)(\\s+)([A-Za-z0-9\\-._~+/]+=*)");

	// What follows a scheme in a challenge ("Bearer realm=...") or in prose ("Basic
	// authentication") rather than credentials.
	private static final Pattern NOT_CREDENTIALS = Pattern.compile("[a-z_-]+=|[A-Za-z][a-z]*");

	private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]*){1,3}");

	// Base64url runs this long with upper case, lower case and digits mixed: random
	// tokens, not words, hex digests or UUIDs.
	private static final Pattern LONG_TOKEN = Pattern.compile("[A-Za-z0-9_-]{32,}");

	private final Supplier<@Nullable String> sessionId;

	private final List<String> secrets;

	/**
	 * Create a redactor for one connection.
	 * @param sessionId the current session id, read at each use
	 * @param headers the connection's configured headers, whose values may be credentials
	 */
	public Redactor(Supplier<@Nullable String> sessionId, Map<String, String> headers) {
		this.sessionId = sessionId;
		this.secrets = secretsOf(headers);
	}

	/**
	 * Redact a text.
	 * @param text what the server sent, or a message quoting it
	 * @return the text without secrets
	 */
	public String redact(String text) {
		String result = text;
		String session = this.sessionId.get();
		if (session != null && !session.isEmpty()) {
			result = replaceWithCutEnd(result, session, SessionIds.mask(session));
		}
		for (String secret : this.secrets) {
			result = replaceWithCutEnd(result, secret, MASK);
		}
		result = SCHEME_CREDENTIALS.matcher(result).replaceAll((match) -> {
			String credentials = match.group(3);
			boolean secret = credentials.length() >= MIN_SECRET_LENGTH
					&& !NOT_CREDENTIALS.matcher(credentials).matches();
			return Matcher.quoteReplacement(secret ? match.group(1) + match.group(2) + MASK : match.group());
		});
		result = JWT.matcher(result).replaceAll(MASK);
		return LONG_TOKEN.matcher(result)
			.replaceAll((match) -> Matcher.quoteReplacement(looksRandom(match.group()) ? MASK : match.group()));
	}

	/**
	 * Redact a JSON-RPC error: its message and every string in its data.
	 * @param error the error the server sent
	 * @return the error without secrets
	 */
	JsonRpcError redact(JsonRpcError error) {
		JsonNode data = error.data();
		return new JsonRpcError(error.code(), redact(error.message()), (data != null) ? redact(data) : null);
	}

	/**
	 * Redact every string in a JSON value.
	 * @param node the value
	 * @return a redacted copy, or the value itself if it holds no string
	 */
	JsonNode redact(JsonNode node) {
		if (node.isString()) {
			String text = node.asString();
			String redacted = redact(text);
			return redacted.equals(text) ? node : StringNode.valueOf(redacted);
		}
		if (node instanceof ObjectNode object) {
			ObjectNode copy = object.objectNode();
			object.properties().forEach((property) -> copy.set(property.getKey(), redact(property.getValue())));
			return copy;
		}
		if (node instanceof ArrayNode array) {
			ArrayNode copy = array.arrayNode();
			array.values().forEach((element) -> copy.add(redact(element)));
			return copy;
		}
		return node;
	}

	private static List<String> secretsOf(Map<String, String> headers) {
		Set<String> secrets = new LinkedHashSet<>();
		for (String value : headers.values()) {
			String trimmed = value.strip();
			secrets.add(trimmed);
			// A server may echo the credentials without their scheme.
			int space = trimmed.indexOf(' ');
			if (space > 0) {
				secrets.add(trimmed.substring(space + 1).strip());
			}
		}
		List<String> result = new ArrayList<>(secrets);
		result.removeIf((secret) -> secret.length() < MIN_SECRET_LENGTH);
		// Longest first, so a value is masked whole before a part of it is.
		result.sort(Comparator.comparingInt(String::length).reversed());
		return List.copyOf(result);
	}

	private static String replaceWithCutEnd(String text, String secret, String mask) {
		String result = text.replace(secret, mask);
		for (int length = secret.length() - 1; length >= MIN_CUT_SECRET_LENGTH; length--) {
			if (result.endsWith(secret.substring(0, length))) {
				return result.substring(0, result.length() - length) + mask;
			}
		}
		return result;
	}

	private static boolean looksRandom(String candidate) {
		boolean upper = false;
		boolean lower = false;
		boolean digit = false;
		for (int i = 0; i < candidate.length(); i++) {
			char c = candidate.charAt(i);
			upper |= c >= 'A' && c <= 'Z';
			lower |= c >= 'a' && c <= 'z';
			digit |= c >= '0' && c <= '9';
		}
		return upper && lower && digit;
	}

}
