package io.github.mcpclient.transport;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.mcpclient.exception.InvalidMessageException;
import io.github.mcpclient.protocol.CallToolRequest;
import io.github.mcpclient.protocol.JsonRpcError;
import io.github.mcpclient.protocol.JsonRpcMessage;
import io.github.mcpclient.protocol.JsonRpcNotification;
import io.github.mcpclient.protocol.JsonRpcRequest;
import io.github.mcpclient.protocol.JsonRpcResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.BigIntegerNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.StringNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonRpcCodecTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final JsonRpcCodec codec = new JsonRpcCodec(this.mapper);

	@Test
	void classifiesRequestsNotificationsAndResponses() {
		assertThat(read("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"ping\"}")).isInstanceOf(JsonRpcRequest.class);
		assertThat(read("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{}}"))
			.isInstanceOf(JsonRpcNotification.class);
		assertThat(read("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}")).isInstanceOfSatisfying(JsonRpcResponse.class,
				(response) -> assertThat(response.answers(IntNode.valueOf(3))).isTrue());
		assertThat(read("{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":-1,\"message\":\"x\",\"data\":[1]}}"))
			.isInstanceOfSatisfying(JsonRpcResponse.class, (response) -> {
				assertThat(response.error().code()).isEqualTo(-1);
				assertThat(response.error().data().isArray()).isTrue();
			});
	}

	@Test
	void idsMatchAsJsonValues() {
		JsonRpcResponse response = (JsonRpcResponse) read("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}");

		assertThat(response.answers(tools.jackson.databind.node.LongNode.valueOf(7))).isTrue();
		assertThat(response.answers(StringNode.valueOf("7"))).isFalse();
	}

	@Test
	void numericIdsMatchByValueWhateverTheirRepresentation() {
		JsonRpcResponse seven = (JsonRpcResponse) read("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}");
		JsonRpcResponse sevenPointZero = (JsonRpcResponse) read("{\"jsonrpc\":\"2.0\",\"id\":7.0,\"result\":{}}");
		JsonRpcResponse huge = (JsonRpcResponse) read(
				"{\"jsonrpc\":\"2.0\",\"id\":18446744073709551623,\"result\":{}}");

		assertThat(seven.answers(LongNode.valueOf(7))).isTrue();
		assertThat(seven.answers(LongNode.valueOf(8))).isFalse();
		assertThat(sevenPointZero.answers(LongNode.valueOf(7))).isTrue();
		// 2^64 + 7 is not 7, though its low 64 bits are.
		assertThat(huge.answers(LongNode.valueOf(7))).isFalse();
		assertThat(huge.answers(BigIntegerNode.valueOf(new BigInteger("18446744073709551623")))).isTrue();
	}

	@Test
	void readsTextAsItReadsItsUtf8Bytes() {
		String json = "{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":{\"text\":\"gr\u00fc\u00df \ud83d\ude00\"}}";

		assertThat(this.codec.read(json)).isEqualTo(read(json));
		assertThatExceptionOfType(InvalidMessageException.class).isThrownBy(() -> this.codec.read("{\"id\":"))
			.withMessageStartingWith("not valid JSON");
		assertThatExceptionOfType(InvalidMessageException.class).isThrownBy(() -> this.codec.read("[1]"))
			.withMessage("expected a JSON-RPC object but got array");
	}

	@Test
	void writesEveryMessageKind() {
		assertThat(write(new JsonRpcRequest(IntNode.valueOf(1), "tools/list", null)))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
		assertThat(write(new JsonRpcNotification("notifications/initialized", null)))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
		assertThat(write(new JsonRpcResponse(StringNode.valueOf("s"), null,
				new JsonRpcError(JsonRpcError.METHOD_NOT_FOUND, "nope", null))))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":\"s\",\"error\":{\"code\":-32601,\"message\":\"nope\"}}");
		assertThat(write(new JsonRpcResponse(StringNode.valueOf("s"), null, null)))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":\"s\",\"result\":{}}");
	}

	@Test
	void writesParametersStraightFromTheCallersObjectsAsTheirTreeWouldBeWritten() {
		Map<String, Object> arguments = new LinkedHashMap<>();
		arguments.put("text", "héllo \u2603");
		arguments.put("count", 3);
		arguments.put("nothing", null);
		arguments.put("nested", List.of(1.5, true, Map.of("k", "v")));
		CallToolRequest params = new CallToolRequest("echo", arguments, Map.of("progressToken", 7));

		String direct = new String(this.codec.writeRequest(LongNode.valueOf(42), "tools/call", params),
				StandardCharsets.UTF_8);

		assertThat(direct)
			.isEqualTo(write(new JsonRpcRequest(LongNode.valueOf(42), "tools/call", this.mapper.valueToTree(params))));
		assertThat(direct).startsWith("{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"tools/call\",\"params\":{");
	}

	@Test
	void leavesOutParametersThatAreNone() {
		assertThat(new String(this.codec.writeRequest(IntNode.valueOf(1), "ping", null), StandardCharsets.UTF_8))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
		assertThat(new String(this.codec.writeRequest(IntNode.valueOf(1), "ping", NullNode.getInstance()),
				StandardCharsets.UTF_8))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
		assertThat(new String(this.codec.writeNotification("notifications/cancelled", Map.of("requestId", 1)),
				StandardCharsets.UTF_8))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":1}}");
	}

	@Test
	void rejectsWhatIsNotJsonRpc() {
		assertThatExceptionOfType(InvalidMessageException.class).isThrownBy(() -> read("[1]"));
		assertThatExceptionOfType(InvalidMessageException.class).isThrownBy(() -> read("{\"id\":1}"))
			.withMessageContaining("neither 'result' nor 'error'");
		assertThatExceptionOfType(InvalidMessageException.class).isThrownBy(() -> read("{\"x\":1}"));
		assertThatExceptionOfType(InvalidMessageException.class).isThrownBy(() -> read("{oops"))
			.withMessageContaining("not valid JSON");
		assertThatExceptionOfType(InvalidMessageException.class).isThrownBy(() -> read("{\"id\":{},\"method\":\"x\"}"));
	}

	@Test
	void toleratesUnknownFields() {
		assertThat(read("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{},\"extra\":true}"))
			.isInstanceOf(JsonRpcResponse.class);
	}

	private JsonRpcMessage read(String json) {
		return this.codec.read(json.getBytes(StandardCharsets.UTF_8));
	}

	private String write(JsonRpcMessage message) {
		return new String(this.codec.write(message), StandardCharsets.UTF_8);
	}

}
