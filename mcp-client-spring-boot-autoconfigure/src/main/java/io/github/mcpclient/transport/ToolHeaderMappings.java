package io.github.mcpclient.transport;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The {@code Mcp-Param-*} headers that one tool's input schema asks for, through the
 * {@code x-mcp-header} annotations on its properties, and the values of those headers for
 * a call's arguments.
 * <p>
 * {@link #of(Map)} checks every annotation against the rules of the 2026-07-28
 * Streamable HTTP transport; a tool with any invalid annotation must be left out of the
 * tools the client offers. An annotation is valid when
 * <ul>
 * <li>its value is a non-empty HTTP field-name token (RFC 9110 {@code 1*tchar}), which
 * also rules out spaces, control characters and non-ASCII letters,
 * <li>no other annotation in the schema names the same header, ignoring case,
 * <li>the annotated schema declares {@code "type"} as exactly one of {@code "string"},
 * {@code "integer"} or {@code "boolean"}, and
 * <li>the annotated schema is reachable from the root through {@code properties} alone:
 * the root's {@code properties}, their {@code properties}, and so on. An annotation on
 * the root itself, or anywhere below {@code items}, {@code prefixItems},
 * {@code additionalProperties}, {@code patternProperties}, {@code allOf},
 * {@code anyOf}, {@code oneOf}, {@code not}, {@code if}, {@code then}, {@code else},
 * {@code $defs} (where a {@code $ref} would lead) or any other keyword that holds
 * subschemas, is invalid, even when a valid path leads there as well.
 * </ul>
 * Keywords that hold data rather than schemas, such as {@code default}, {@code const},
 * {@code enum} and {@code examples}, are not searched, and a property that is itself
 * named {@code x-mcp-header} is not an annotation.
 *
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#custom-headers-from-tool-parameters">Custom
 * Headers from Tool Parameters</a>
 */
public final class ToolHeaderMappings {

	/** The schema keyword that asks for a property to be mirrored into a header. */
	public static final String ANNOTATION = "x-mcp-header";

	/** The part of the header name that precedes the annotation's value. */
	public static final String HEADER_PREFIX = "Mcp-Param-";

	// Integers beyond this lose precision in the IEEE 754 doubles that many servers parse
	// JSON numbers into, so the header could never match the body there.
	private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

	private static final Set<String> PERMITTED_TYPES = Set.of("string", "integer", "boolean");

	// JSON Schema keywords (2020-12, plus the draft-07 spellings still in use) whose value
	// is one subschema, or an array of subschemas where the draft allows one.
	private static final Set<String> SUBSCHEMA_KEYWORDS = Set.of("items", "additionalItems", "prefixItems",
			"contains", "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "propertyNames",
			"allOf", "anyOf", "oneOf", "not", "if", "then", "else", "contentSchema");

	// Keywords whose value maps names to subschemas.
	private static final Set<String> SUBSCHEMA_MAP_KEYWORDS = Set.of("patternProperties", "dependentSchemas",
			"dependencies", "$defs", "definitions");

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
		Scan scan = new Scan();
		scan.visit(inputSchema, "#", List.of());
		if (!scan.problems.isEmpty()) {
			return new Result(null, scan.problems);
		}
		return new Result(scan.mappings.isEmpty() ? NONE : new ToolHeaderMappings(List.copyOf(scan.mappings)),
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
		throw new IllegalArgumentException("Argument " + mapping.describePath() + " for header "
				+ mapping.headerName() + " is not a string, integer or boolean but a "
				+ value.getClass().getSimpleName());
	}

	private static @Nullable BigInteger integerValue(Number number) {
		if (number instanceof Integer || number instanceof Long || number instanceof Short
				|| number instanceof Byte) {
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
		 * annotated schema by its JSON Pointer (such as
		 * {@code #/properties/region}), for a warning that names the tool.
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

	/**
	 * One walk over a schema, gathering mappings and problems.
	 */
	private static final class Scan {

		private final List<Mapping> mappings = new ArrayList<>();

		private final List<String> problems = new ArrayList<>();

		// Lowercase header name to the pointer of the schema that declared it first.
		private final Map<String, String> declaredAt = new HashMap<>();

		/**
		 * Visit one schema.
		 * @param schema the schema
		 * @param pointer the JSON Pointer of the schema, as a URI fragment
		 * @param path the property names leading to the schema through {@code properties}
		 * alone, or {@code null} if some other keyword lies on the way
		 */
		void visit(Map<?, ?> schema, String pointer, @Nullable List<String> path) {
			if (schema.containsKey(ANNOTATION)) {
				check(schema, pointer, path);
			}
			if (schema.get("properties") instanceof Map<?, ?> properties) {
				properties.forEach((name, child) -> {
					if (child instanceof Map<?, ?> childSchema) {
						visit(childSchema, pointer + "/properties/" + escape(name),
								(path != null) ? append(path, String.valueOf(name)) : null);
					}
				});
			}
			schema.forEach((keyword, value) -> {
				if (SUBSCHEMA_KEYWORDS.contains(keyword)) {
					visitSubschemas(value, pointer + "/" + escape(keyword));
				}
				else if (SUBSCHEMA_MAP_KEYWORDS.contains(keyword) && value instanceof Map<?, ?> byName) {
					byName.forEach((name, child) -> visitSubschemas(child,
							pointer + "/" + escape(keyword) + "/" + escape(name)));
				}
			});
		}

		// A keyword's value may be a schema, an array of them, or something else entirely
		// (true, false, or a draft-07 dependency's array of names), which holds nothing.
		private void visitSubschemas(@Nullable Object value, String pointer) {
			if (value instanceof Map<?, ?> schema) {
				visit(schema, pointer, null);
			}
			else if (value instanceof List<?> list) {
				for (int i = 0; i < list.size(); i++) {
					visitSubschemas(list.get(i), pointer + "/" + i);
				}
			}
		}

		private void check(Map<?, ?> schema, String pointer, @Nullable List<String> path) {
			Object annotation = schema.get(ANNOTATION);
			if (path == null) {
				this.problems.add(pointer + ": " + ANNOTATION + " is only allowed on properties reached from the"
						+ " root through 'properties' alone");
				return;
			}
			if (path.isEmpty()) {
				this.problems.add(pointer + ": " + ANNOTATION + " is only allowed on properties, not on the root");
				return;
			}
			if (!(annotation instanceof String name)) {
				this.problems.add(pointer + ": " + ANNOTATION + " must be a string, not " + annotation);
				return;
			}
			boolean valid = true;
			if (!isToken(name)) {
				this.problems.add(pointer + ": " + ANNOTATION + " \"" + printable(name) + "\" is not a valid"
						+ " header name (one or more letters, digits or !#$%&'*+-.^_`|~)");
				valid = false;
			}
			Object type = schema.get("type");
			if (!(type instanceof String typeName) || !PERMITTED_TYPES.contains(typeName)) {
				this.problems.add(pointer + ": " + ANNOTATION + " is only allowed on properties of type string,"
						+ " integer or boolean, not " + ((type != null) ? "type " + type : "an untyped property"));
				valid = false;
			}
			String first = this.declaredAt.putIfAbsent(name.toLowerCase(Locale.ROOT), pointer);
			if (first != null) {
				this.problems.add(pointer + ": " + ANNOTATION + " \"" + printable(name)
						+ "\" names the same header as the annotation at " + first
						+ " (header names ignore case)");
				valid = false;
			}
			if (valid) {
				this.mappings.add(new Mapping(path, name));
			}
		}

		private static boolean isToken(String name) {
			if (name.isEmpty()) {
				return false;
			}
			for (int i = 0; i < name.length(); i++) {
				char c = name.charAt(i);
				boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
				if (!alphanumeric && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
					return false;
				}
			}
			return true;
		}

		// Keep control characters in a rejected name from corrupting the warning log.
		private static String printable(String name) {
			StringBuilder printable = new StringBuilder(name.length());
			for (int i = 0; i < name.length(); i++) {
				char c = name.charAt(i);
				if (c < 0x20 || c == 0x7F) {
					printable.append(String.format("\\u%04x", (int) c));
				}
				else {
					printable.append(c);
				}
			}
			return printable.toString();
		}

		private static List<String> append(List<String> path, String name) {
			List<String> longer = new ArrayList<>(path.size() + 1);
			longer.addAll(path);
			longer.add(name);
			return longer;
		}

		private static String escape(Object name) {
			return String.valueOf(name).replace("~", "~0").replace("/", "~1");
		}

	}

}
