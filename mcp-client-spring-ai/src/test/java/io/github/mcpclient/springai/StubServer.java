package io.github.mcpclient.springai;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.ReactiveMcpClient;
import io.github.mcpclient.protocol.ListToolsResult;
import io.github.mcpclient.protocol.Tool;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * A connection whose server answers {@code tools/list} from pages the test sets, for
 * tests of what the provider makes of them.
 */
public final class StubServer {

	private final McpClient client = mock(McpClient.class);

	private final ReactiveMcpClient reactive = mock(ReactiveMcpClient.class);

	private final AtomicInteger listings = new AtomicInteger();

	private volatile List<ListToolsResult> pages = List.of();

	private volatile @Nullable RuntimeException failure;

	private volatile @Nullable Mono<ListToolsResult> firstPage;

	public StubServer(String name) {
		given(this.client.name()).willReturn(name);
		given(this.reactive.name()).willReturn(name);
		given(this.client.reactive()).willReturn(this.reactive);
		given(this.reactive.close()).willReturn(Mono.empty());
		given(this.reactive.listTools(any())).willAnswer((invocation) -> {
			String cursor = invocation.getArgument(0);
			if (cursor == null) {
				this.listings.incrementAndGet();
				if (this.failure != null) {
					return Mono.error(this.failure);
				}
				if (this.firstPage != null) {
					return this.firstPage;
				}
			}
			int index = (cursor != null) ? Integer.parseInt(cursor) - 1 : 0;
			return Mono.just(this.pages.get(index));
		});
	}

	public McpClient client() {
		return this.client;
	}

	public void pages(ListToolsResult... pages) {
		this.pages = List.of(pages);
		this.failure = null;
	}

	public void failWith(RuntimeException failure) {
		this.failure = failure;
	}

	public void answerWith(@Nullable Mono<ListToolsResult> firstPage) {
		this.firstPage = firstPage;
	}

	public int listings() {
		return this.listings.get();
	}

	/**
	 * One page of tools.
	 * @param nextCursor the next page's cursor, its number counted from 1
	 * @param ttlMs the page's time to live
	 * @param toolNames the tools, each with an empty object schema
	 * @return the page
	 */
	public static ListToolsResult page(@Nullable String nextCursor, @Nullable Long ttlMs, String... toolNames) {
		List<Tool> tools = Arrays.stream(toolNames)
			.map((name) -> new Tool(name, "The " + name + " tool", Map.of("type", "object")))
			.toList();
		return new ListToolsResult(tools, nextCursor, null, ttlMs);
	}

}
