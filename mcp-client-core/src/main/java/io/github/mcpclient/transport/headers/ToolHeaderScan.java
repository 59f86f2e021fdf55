package io.github.mcpclient.transport.headers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One walk over a tool's input schema, gathering its {@code x-mcp-header} mappings and
 * the problems that make them invalid, as {@link ToolHeaderMappings} describes.
 */
final class ToolHeaderScan {

	private static final Set<String> PERMITTED_TYPES = Set.of("string", "integer", "boolean");

	// JSON Schema keywords (2020-12, plus the draft-07 spellings still in use) whose
	// value
	// is one subschema, or an array of subschemas where the draft allows one.
	private static final Set<String> SUBSCHEMA_KEYWORDS = Set.of("items", "additionalItems", "prefixItems", "contains",
			"additionalProperties", "unevaluatedProperties", "unevaluatedItems", "propertyNames", "allOf", "anyOf",
			"oneOf", "not", "if", "then", "else", "contentSchema");

	// Keywords whose value maps names to subschemas.
	private static final Set<String> SUBSCHEMA_MAP_KEYWORDS = Set.of("patternProperties", "dependentSchemas",
			"dependencies", "$defs", "definitions");

	private final List<ToolHeaderMappings.Mapping> mappings = new ArrayList<>();

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
		if (schema.containsKey(ToolHeaderMappings.ANNOTATION)) {
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
				byName.forEach(
						(name, child) -> visitSubschemas(child, pointer + "/" + escape(keyword) + "/" + escape(name)));
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
		Object annotation = schema.get(ToolHeaderMappings.ANNOTATION);
		if (path == null) {
			this.problems.add(pointer + ": " + ToolHeaderMappings.ANNOTATION
					+ " is only allowed on properties reached from the" + " root through 'properties' alone");
			return;
		}
		if (path.isEmpty()) {
			this.problems.add(
					pointer + ": " + ToolHeaderMappings.ANNOTATION + " is only allowed on properties, not on the root");
			return;
		}
		if (!(annotation instanceof String name)) {
			this.problems.add(pointer + ": " + ToolHeaderMappings.ANNOTATION + " must be a string, not " + annotation);
			return;
		}
		boolean valid = true;
		if (!isToken(name)) {
			this.problems.add(pointer + ": " + ToolHeaderMappings.ANNOTATION + " \"" + printable(name)
					+ "\" is not a valid" + " header name (one or more letters, digits or !#$%&'*+-.^_`|~)");
			valid = false;
		}
		Object type = schema.get("type");
		if (!(type instanceof String typeName) || !PERMITTED_TYPES.contains(typeName)) {
			this.problems
				.add(pointer + ": " + ToolHeaderMappings.ANNOTATION + " is only allowed on properties of type string,"
						+ " integer or boolean, not " + ((type != null) ? "type " + type : "an untyped property"));
			valid = false;
		}
		String first = this.declaredAt.putIfAbsent(name.toLowerCase(Locale.ROOT), pointer);
		if (first != null) {
			this.problems.add(pointer + ": " + ToolHeaderMappings.ANNOTATION + " \"" + printable(name)
					+ "\" names the same header as the annotation at " + first + " (header names ignore case)");
			valid = false;
		}
		if (valid) {
			this.mappings.add(new ToolHeaderMappings.Mapping(path, name));
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

	List<ToolHeaderMappings.Mapping> mappings() {
		return this.mappings;
	}

	List<String> problems() {
		return this.problems;
	}

}
