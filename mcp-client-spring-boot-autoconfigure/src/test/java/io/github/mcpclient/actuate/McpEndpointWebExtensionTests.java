package io.github.mcpclient.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClients;
import io.github.mcpclient.session.SessionState;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import static io.github.mcpclient.actuate.StubMcpServer.clientIn;
import static io.github.mcpclient.actuate.StubMcpServer.noTraffic;
import static io.github.mcpclient.actuate.StubMcpServer.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;

class McpEndpointWebExtensionTests {

	private final McpClient weather = clientIn("weather",
			session("weather", "https://weather.example.com/mcp", SessionState.READY, "s-123456789"), noTraffic());

	private final McpEndpointWebExtension extension = new McpEndpointWebExtension(
			new McpEndpoint(new McpClients(List.of(this.weather), Duration.ofSeconds(1)), Show.NEVER, Set.of()));

	@Test
	void closingAKnownConnectionAnswersNoContent() {
		WebEndpointResponse<Void> response = this.extension.closeSession("weather");

		assertThat(response.getStatus()).isEqualTo(WebEndpointResponse.STATUS_NO_CONTENT);
		verify(this.weather).close();
	}

	@Test
	void closingAnUnknownConnectionAnswersNotFound() {
		assertThat(this.extension.closeSession("nope").getStatus()).isEqualTo(WebEndpointResponse.STATUS_NOT_FOUND);
	}

}
