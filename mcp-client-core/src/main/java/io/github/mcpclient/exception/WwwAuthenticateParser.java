package io.github.mcpclient.exception;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads the challenges of a {@code WWW-Authenticate} value:
 * {@code #( auth-scheme [ 1*SP ( token68 / #auth-param ) ] )}, where a comma separates
 * both challenges and the parameters of one, and a parameter is
 * {@code token BWS "=" BWS ( token / quoted-string )}. What breaks the syntax is skipped
 * to the next comma. It reads leniently what servers are known to send: unquoted values
 * such as URLs up to a comma or space, and parameters separated by spaces alone.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9110#section-11.2">RFC 9110, 11.2</a>
 */
final class WwwAuthenticateParser {

	private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

	private static final String TOKEN68_SYMBOLS = "-._~+/";

	private final String text;

	private int position;

	private WwwAuthenticateParser(String text) {
		this.text = text;
	}

	static List<AuthenticationChallenge> parse(String headerValue) {
		return new WwwAuthenticateParser(headerValue).challenges();
	}

	private List<AuthenticationChallenge> challenges() {
		List<AuthenticationChallenge> challenges = new ArrayList<>();
		while (skipSeparators()) {
			String scheme = token();
			if (scheme == null || peek() == '=') {
				// Not a scheme: a stray parameter or worse.
				skipElement();
				continue;
			}
			boolean spaced = skipWhitespace();
			String token68 = null;
			Map<String, String> parameters = new LinkedHashMap<>();
			if (spaced && !atElementEnd()) {
				token68 = token68();
				if (token68 == null) {
					parameters(parameters);
				}
			}
			challenges.add(new AuthenticationChallenge(scheme, token68, parameters));
		}
		return List.copyOf(challenges);
	}

	// A token68 stands alone: what follows it is the end or the next challenge.
	private @Nullable String token68() {
		int start = this.position;
		while (this.position < this.text.length() && isToken68Char(this.text.charAt(this.position))) {
			this.position++;
		}
		if (this.position == start) {
			return null;
		}
		while (this.position < this.text.length() && this.text.charAt(this.position) == '=') {
			this.position++;
		}
		String candidate = this.text.substring(start, this.position);
		skipWhitespace();
		if (atElementEnd()) {
			return candidate;
		}
		this.position = start;
		return null;
	}

	// Parameters until one turns out to be the scheme of the next challenge.
	private void parameters(Map<String, String> parameters) {
		while (true) {
			int start = this.position;
			String name = token();
			if (name == null) {
				skipElement();
			}
			else {
				skipWhitespace();
				if (!consume('=')) {
					this.position = start;
					return;
				}
				skipWhitespace();
				String value = (peek() == '"') ? quotedString() : unquotedValue();
				// Some servers separate parameters by spaces alone; read on either way.
				parameters.putIfAbsent(name, value);
			}
			if (!skipSeparators()) {
				return;
			}
		}
	}

	private @Nullable String token() {
		int start = this.position;
		while (this.position < this.text.length() && isTokenChar(this.text.charAt(this.position))) {
			this.position++;
		}
		return (this.position > start) ? this.text.substring(start, this.position) : null;
	}

	private String quotedString() {
		StringBuilder value = new StringBuilder();
		this.position++;
		while (this.position < this.text.length()) {
			char c = this.text.charAt(this.position++);
			if (c == '"') {
				return value.toString();
			}
			if (c == '\\' && this.position < this.text.length()) {
				c = this.text.charAt(this.position++);
			}
			value.append(c);
		}
		// Unterminated: the rest is the value.
		return value.toString();
	}

	private String unquotedValue() {
		int start = this.position;
		while (this.position < this.text.length() && this.text.charAt(this.position) != ','
				&& !isWhitespace(this.text.charAt(this.position))) {
			this.position++;
		}
		return this.text.substring(start, this.position);
	}

	// Skips commas and whitespace; false at the end of the text.
	private boolean skipSeparators() {
		while (this.position < this.text.length()
				&& (this.text.charAt(this.position) == ',' || isWhitespace(this.text.charAt(this.position)))) {
			this.position++;
		}
		return this.position < this.text.length();
	}

	// Skips what cannot be read up to the next comma outside a quoted string.
	private void skipElement() {
		boolean quoted = false;
		while (this.position < this.text.length()) {
			char c = this.text.charAt(this.position);
			if (c == ',' && !quoted) {
				return;
			}
			if (c == '\\' && quoted) {
				this.position++;
			}
			else if (c == '"') {
				quoted = !quoted;
			}
			this.position++;
		}
	}

	private boolean skipWhitespace() {
		int start = this.position;
		while (this.position < this.text.length() && isWhitespace(this.text.charAt(this.position))) {
			this.position++;
		}
		return this.position > start;
	}

	private boolean consume(char expected) {
		if (peek() == expected) {
			this.position++;
			return true;
		}
		return false;
	}

	private boolean atElementEnd() {
		return this.position >= this.text.length() || this.text.charAt(this.position) == ',';
	}

	private char peek() {
		return (this.position < this.text.length()) ? this.text.charAt(this.position) : '\0';
	}

	private static boolean isTokenChar(char c) {
		return isAlphaOrDigit(c) || TOKEN_SYMBOLS.indexOf(c) >= 0;
	}

	private static boolean isToken68Char(char c) {
		return isAlphaOrDigit(c) || TOKEN68_SYMBOLS.indexOf(c) >= 0;
	}

	private static boolean isAlphaOrDigit(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}

	private static boolean isWhitespace(char c) {
		return c == ' ' || c == '\t';
	}

}
