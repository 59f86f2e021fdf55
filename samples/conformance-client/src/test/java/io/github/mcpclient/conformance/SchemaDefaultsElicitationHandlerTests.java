package io.github.mcpclient.conformance;

import java.util.Map;

import io.github.mcpclient.protocol.ElicitRequest;
import io.github.mcpclient.protocol.ElicitResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaDefaultsElicitationHandlerTests {

	@Test
	void acceptsWithEveryDeclaredDefault() {
		Map<String, Object> schema = Map.of("type", "object", "properties",
				Map.of("name", Map.of("type", "string", "default", "John Doe"), "age",
						Map.of("type", "integer", "default", 30), "nickname", Map.of("type", "string")));

		ElicitResult result = new SchemaDefaultsElicitationHandler().elicit("c",
				new ElicitRequest(null, "fill in", schema, null, null, null));

		assertThat(result.action()).isEqualTo(ElicitResult.Action.ACCEPT);
		assertThat(result.content()).containsExactlyInAnyOrderEntriesOf(Map.of("name", "John Doe", "age", 30));
	}

	@Test
	void acceptsEmptyWithoutSchema() {
		ElicitResult result = new SchemaDefaultsElicitationHandler().elicit("c",
				new ElicitRequest(null, "ok?", null, null, null, null));

		assertThat(result.action()).isEqualTo(ElicitResult.Action.ACCEPT);
		assertThat(result.content()).isEmpty();
	}

}
