package io.github.mcpclient.protocol;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A content block whose {@code type} this client does not recognise, kept as raw JSON so
 * that one newer block does not make a whole result unreadable.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnknownContent(@JsonInclude(JsonInclude.Include.NON_EMPTY) String type,
		@JsonAnyGetter Map<String, Object> fields) implements Content {

	// Written with @JsonAnyGetter rather than @JsonValue: Jackson wraps a @JsonValue
	// object of a polymorphic type in a [typeId, value] array instead of writing it flat

	public UnknownContent {
		Objects.requireNonNull(type, "'type' must not be null");
		if (fields != null && fields.containsKey("type")) {
			// The type component is the only source of truth, otherwise it would be
			// written twice
			fields = new LinkedHashMap<>(fields);
			fields.remove("type");
		}
		fields = ImmutableCopies.map(fields);
	}

	/**
	 * Create an instance from every property of the JSON object, {@code type} included.
	 * @param json the properties of the content block
	 * @return the unknown content; its type is empty if the block had none
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static UnknownContent fromJson(Map<String, Object> json) {
		Object type = json.get("type");
		return new UnknownContent((type != null) ? type.toString() : "", json);
	}

}
