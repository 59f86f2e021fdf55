package io.github.mcpclient.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.mcpclient.protocol.ElicitRequest;
import io.github.mcpclient.protocol.ElicitResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InterleavingElicitationHandlerTests {

	private final List<String> events = new ArrayList<>();

	private final InterleavingElicitationHandler handler = new InterleavingElicitationHandler((connection, request) -> {
		this.events.add("answer " + request.message());
		return ElicitResult.accept(Map.of());
	});

	@Test
	void runsTheActionBeforeTheNextAnswerOnly() {
		this.handler.beforeNextAnswer(() -> this.events.add("unrelated call"));

		this.handler.elicit("c", new ElicitRequest(null, "first", null, null, null, null));
		this.handler.elicit("c", new ElicitRequest(null, "second", null, null, null, null));

		assertThat(this.events).containsExactly("unrelated call", "answer first", "answer second");
	}

	@Test
	void answersAsItsDelegateDoes() {
		ElicitResult result = this.handler.elicit("c", new ElicitRequest(null, "ok?", null, null, null, null));

		assertThat(result.action()).isEqualTo(ElicitResult.Action.ACCEPT);
		assertThat(this.events).containsExactly("answer ok?");
	}

}
