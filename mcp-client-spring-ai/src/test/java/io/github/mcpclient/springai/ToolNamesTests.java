package io.github.mcpclient.springai;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.github.mcpclient.protocol.Tool;
import io.github.mcpclient.springai.ToolNames.Proposal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names the model sees: safe for every model API, unique, and the same every time.
 */
class ToolNamesTests {

	private static final String SAFE = "[a-zA-Z0-9_-]{1,64}";

	@Test
	void defaultNamingPrefixesTheConnectionName() {
		assertThat(McpToolNaming.prefixed().name("weather", tool("forecast"))).isEqualTo("weather_forecast");
		assertThat(McpToolNaming.toolNameOnly().name("weather", tool("forecast"))).isEqualTo("forecast");
	}

	@Test
	void safeNamesAreKept() {
		assertThat(assign("weather_forecast", "files-read_file")).containsExactly("weather_forecast",
				"files-read_file");
	}

	@Test
	void charactersModelsRejectBecomeUnderscores() {
		assertThat(assign("docs_search.v2", "m\u00e9t\u00e9o_pr\u00e9vision", "a b/c", "\uD83D\uDE00"))
			.containsExactly("docs_search_v2", "m_t_o_pr_vision", "a_b_c", "_");
	}

	@Test
	void anEmptyNameGetsOne() {
		assertThat(assign("")).containsExactly("tool");
	}

	@Test
	void longNamesAreShortenedToTheSameNameEveryTime() {
		String connection = "a-connection-with-a-rather-long-name";
		String longTool = "summarize_every_document_in_the_shared_folder_and_send_the_summary";
		List<String> first = ToolNames.assign(List.of(Proposal.of(connection + "_" + longTool, connection, longTool)));
		List<String> second = ToolNames.assign(List.of(Proposal.of(connection + "_" + longTool, connection, longTool)));

		assertThat(first).singleElement().asString().matches(SAFE).hasSize(64).startsWith(connection + "_summarize");
		assertThat(second).isEqualTo(first);
	}

	@Test
	void longNamesThatStartAlikeStayApart() {
		String start = "x".repeat(70);
		List<String> names = ToolNames.assign(List.of(Proposal.of(start + "_one", "c", start + "_one"),
				Proposal.of(start + "_two", "c", start + "_two")));

		assertThat(names).allMatch((name) -> name.matches(SAFE)).doesNotHaveDuplicates();
	}

	@Test
	void theSameToolNameOnTwoConnectionsGetsTwoNames() {
		List<String> names = ToolNames
			.assign(List.of(Proposal.of("search", "web", "search"), Proposal.of("search", "docs", "search")));

		assertThat(names.get(0)).isEqualTo("search");
		assertThat(names.get(1)).matches(SAFE).startsWith("search_").isNotEqualTo("search");
	}

	@Test
	void namesThatDifferOnlyInRejectedCharactersGetDistinctNames() {
		List<String> names = ToolNames
			.assign(List.of(Proposal.of("c_a.b", "c", "a.b"), Proposal.of("c_a b", "c", "a b"),
					Proposal.of("c_a_b", "c", "a_b"), Proposal.of("c_a\u00e9b", "c", "a\u00e9b")));

		assertThat(names).allMatch((name) -> name.matches(SAFE)).doesNotHaveDuplicates();
		assertThat(names.get(0)).isEqualTo("c_a_b");
	}

	@Test
	void aSuffixDependsOnlyOnTheToolItNames() {
		Proposal clashing = Proposal.of("search", "docs", "search");
		String alone = ToolNames.assign(List.of(Proposal.of("search", "web", "search"), clashing)).get(1);
		String amongMany = ToolNames
			.assign(List.of(Proposal.of("other", "x", "other"), Proposal.of("search", "web", "search"), clashing))
			.get(2);

		assertThat(amongMany).isEqualTo(alone);
	}

	@Test
	void aProposalThatLooksLikeAnotherOnesSuffixedNameStillGetsAUniqueOne() {
		List<String> first = ToolNames
			.assign(List.of(Proposal.of("search", "web", "search"), Proposal.of("search", "docs", "search")));
		String suffixed = first.get(1);

		List<String> names = ToolNames.assign(List.of(Proposal.of("search", "web", "search"),
				Proposal.of(suffixed, "evil", "x"), Proposal.of("search", "docs", "search")));

		assertThat(names).doesNotHaveDuplicates().allMatch((name) -> name.matches(SAFE));
	}

	@Test
	void manyClashesStayUnique() {
		List<Proposal> proposals = IntStream.range(0, 200)
			.mapToObj((i) -> Proposal.of("same", "connection" + i, "same"))
			.toList();

		assertThat(ToolNames.assign(proposals)).hasSize(200)
			.doesNotHaveDuplicates()
			.allMatch((name) -> name.matches(SAFE));
	}

	private static List<String> assign(String... proposedNames) {
		return ToolNames.assign(IntStream.range(0, proposedNames.length)
			.mapToObj((i) -> Proposal.of(proposedNames[i], "c", "tool" + i))
			.toList());
	}

	private static Tool tool(String name) {
		return new Tool(name, null, Map.of("type", "object"));
	}

}
