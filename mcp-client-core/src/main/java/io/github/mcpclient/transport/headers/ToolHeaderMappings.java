package io.github.mcpclient.transport.headers;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The {@code Mcp-Param-*} headers that one tool's input schema asks for, through the
 * {@code x-mcp-header} annotations on its properties, and the values of those headers for
 * a call's arguments.
 * <p>
 * {@link #of(Map)} checks every annotation against the rules of the 2026-07-28 Streamable
 * HTTP transport; a tool with any invalid annotation must be left out of the tools the
 * client offers. An annotation is valid when
 * <ul>
 * <li>its value is a non-empty HTTP field-name token (RFC 9110 {@code 1*tchar}), which
 * also rules out spaces, control characters and non-ASCII letters,
 * <li>no other annotation in the schema names the same header, ignoring case,
 * <li>the annotated schema declares {@code "type"} as exactly one of {@code "string"},
 * {@code "integer"} or {@code "boolean"}, and
 * <li>the annotated schema is reachable from the root through {@code properties} alone:
 * the root's {@code properties}, their {@code properties}, and so on. An annotation on
 * the root itself, or anywhere below {@code items}, {@code prefixItems},
 * {@code additionalProperties}, {@code patternProperties}, {@code allOf}, {@code anyOf},
 * {@code oneOf}, {@code not}, {@code if}, {@code then}, {@code else}, {@code $defs}
 * (where a {@code $ref} would lead) or any other keyword that holds subschemas, is
 * invalid, even when a valid path leads there as well.
 * </ul>
 * Keywords that hold data rather than schemas, such as {@code default}, {@code const},
 * {@code enum} and {@code examples}, are not searched, and a property that is itself
 * named {@code x-mcp-header} is not an annotation.
 *
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#custom-headers-from-tool-parameters">Custom
 * Headers from Tool Parameters</a>
 * @since 0.1.0
 */
public final class ToolHeaderMappings {

	/** The schema keyword that asks for a property to be mirrored into a header. */
	public static final String ANNOTATION = "x-mcp-header";

	/** The part of the header name that precedes the annotation's value. */
	public static final String HEADER_PREFIX = "Mcp-Param-";

	// Integers beyond this lose precision in the IEEE 754 doubles that many servers parse
	// JSON numbers into, so the header could never match the body there.
	private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

	private static final ToolHeaderMappings NONE = new ToolHeaderMappings(List.of());

	private final List<Mapping> mappings;

	private ToolHeaderMappings(List<Mapping> mappings) {
		this.mappings = mappings;
	}

	/**
	 * Find and check the {@code x-mcp-header} annotations of a tool's input schema.
	 * @param inputSchema the tool's input schema, as parsed from JSON
	 * @return the mappings, or the reasons the schema's annotations are invalid
	 */
	public static Result of(Map<String, ?> inputSchema) {
		Objects.requireNonNull(inputSchema, "'inputSchema' must not be null");
		ToolHeaderScan scan = new ToolHeaderScan();
		scan.visit(inputSchema, "#", List.of());
		if (!scan.problems().isEmpty()) {
			return new Result(null, scan.problems());
		}
		return new Result(scan.mappings().isEmpty() ? NONE : new ToolHeaderMappings(List.copyOf(scan.mappings())),
				List.of());
	}

	/**
	 * Return the mappings, in the order the schema declares them.
	 * @return the mappings
	 */
	public List<Mapping> mappings() {
		return this.mappings;
	}

	/**
	 * Return whether the schema asks for no headers at all.
	 * @return whether there are no mappings
	 */
	public boolean isEmpty() {
		return this.mappings.isEmpty();
	}

	/**
	 * Return the headers to send with a call of the tool: for each mapping whose property
	 * path leads to a value in the arguments, the header named after the mapping with the
	 * value's text, {@link McpHeaderValues#encode(String) encoded}. A path that ends at
	 * {@code null}, or at nothing, gives no header. Strings are sent as they are,
	 * booleans as {@code true} or {@code false}, and integers in decimal, including
	 * numbers like {@code 42.0} that only a parser made fractional. The header mirrors
	 * the argument as it is, whatever type the schema declares, so that checking the
	 * argument against the schema is left to the server, which can report it to the
	 * caller.
	 * @param arguments the call's arguments, or {@code null} for none
	 * @return the header values by header name, in the order of the mappings
	 * @throws IllegalArgumentException if an argument that must be mirrored is an object,
	 * an array, a fractional number, or an integer outside ±(2<sup>53</sup>−1), none of
	 * which a header can carry
	 */
	public Map<String, String> headersFor(@Nullable Map<String, ?> arguments) {
		if (arguments == null || this.mappings.isEmpty()) {
			return Map.of();
		}
		Map<String, String> headers = new LinkedHashMap<>();
		for (Mapping mapping : this.mappings) {
			Object value = valueAt(arguments, mapping.path());
			if (value != null) {
				headers.put(mapping.headerName(), McpHeaderValues.encode(text(value, mapping)));
			}
		}
		return Collections.unmodifiableMap(headers);
	}

	private static @Nullable Object valueAt(Map<String, ?> arguments, List<String> path) {
		Object node = arguments;
		for (String name : path) {
			if (!(node instanceof Map<?, ?> object)) {
				return null;
			}
			node = object.get(name);
		}
		return node;
	}

	private static String text(Object value, Mapping mapping) {
		if (value instanceof String string) {
			return string;
		}
		if (value instanceof Boolean bool) {
			return bool.toString();
		}
		if (value instanceof Number number) {
			BigInteger integer = integerValue(number);
			if (integer == null) {
				throw new IllegalArgumentException("Argument " + mapping.describePath() + " for header "
						+ mapping.headerName() + " is not an integer: " + value);
			}
			if (integer.abs().compareTo(BigInteger.valueOf(MAX_SAFE_INTEGER)) > 0) {
				throw new IllegalArgumentException("Argument " + mapping.describePath() + " for header "
						+ mapping.headerName() + " is outside the range of integers a header may carry: " + value);
			}
			return integer.toString();
		}
		throw new IllegalArgumentException("Argument " + mapping.describePath() + " for header " + mapping.headerName()
				+ " is not a string, integer or boolean but a " + value.getClass().getSimpleName());
	}

	private static @Nullable BigInteger integerValue(Number number) {
		if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
			return BigInteger.valueOf(number.longValue());
		}
		if (number instanceof BigInteger integer) {
			return integer;
		}
		BigDecimal decimal;
		if (number instanceof BigDecimal bigDecimal) {
			decimal = bigDecimal;
		}
		else {
			double d = number.doubleValue();
			if (Double.isNaN(d) || Double.isInfinite(d)) {
				return null;
			}
			decimal = new BigDecimal(d);
		}
		try {
			return decimal.toBigIntegerExact();
		}
		catch (ArithmeticException ex) {
			return null;
		}
	}

	/**
	 * One property mirrored into a header.
	 *
	 * @param path the names of the {@code properties} that lead from the root of the
	 * arguments to the property
	 * @param name the annotation's value, which the header name ends with
	 */
	public record Mapping(List<String> path, String name) {

		public Mapping {
			path = List.copyOf(path);
			Objects.requireNonNull(name, "'name' must not be null");
		}

		/**
		 * Return the name of the header, {@code Mcp-Param-} followed by the annotation's
		 * value with its case kept.
		 * @return the header name
		 */
		public String headerName() {
			return HEADER_PREFIX + this.name;
		}

		private String describePath() {
			return "'" + String.join("' > '", this.path) + "'";
		}

	}

	/**
	 * What {@link ToolHeaderMappings#of(Map)} found: the mappings of a valid schema, or
	 * why the schema is invalid.
	 */
	public static final class Result {

		private final @Nullable ToolHeaderMappings mappings;

		private final List<String> problems;

		private Result(@Nullable ToolHeaderMappings mappings, List<String> problems) {
			this.mappings = mappings;
			this.problems = List.copyOf(problems);
		}

		/**
		 * Return whether all of the schema's annotations are valid.
		 * @return whether the schema is valid, and the tool may be offered
		 */
		public boolean isValid() {
			return this.mappings != null;
		}

		/**
		 * Return the mappings of a valid schema.
		 * @return the mappings, empty when the schema has no annotations
		 * @throws IllegalStateException if the schema is invalid
		 */
		public ToolHeaderMappings mappings() {
			if (this.mappings == null) {
				throw new IllegalStateException("Input schema is invalid: " + String.join("; ", this.problems));
			}
			return this.mappings;
		}

		/**
		 * Return why the schema is invalid, one sentence per problem, each naming the
		 * annotated schema by its JSON Pointer (such as {@code #/properties/region}), for
		 * a warning that names the tool.
		 * @return the problems, empty when the schema is valid
		 */
		public List<String> problems() {
			return this.problems;
		}

		@Override
		public String toString() {
			return isValid() ? "valid " + this.mappings.mappings() : "invalid " + this.problems;
		}

	}

}
