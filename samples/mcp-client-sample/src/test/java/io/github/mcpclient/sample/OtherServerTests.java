package io.github.mcpclient.sample;

import java.io.IOException;
import java.net.ServerSocket;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.sample.server.EmbeddedMcpServer;
import io.github.mcpclient.session.McpSession;
import io.github.mcpclient.session.SessionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpClientSampleApplication} pointed at a server other than its
 * embedded one, as its README describes.
 */
@ExtendWith(OutputCaptureExtension.class)
class OtherServerTests {

	@Test
	void appTalksToTheConfiguredServerAndStartsNoneOfItsOwn(CapturedOutput output) {
		// Stands in for a remote server: a separate instance the application did not
		// start
		EmbeddedMcpServer other = EmbeddedMcpServer.start(0);
		try (ConfigurableApplicationContext context = run("--mcp.client.connections.demo.url=" + other.url())) {
			assertThat(context.getBeanNamesForType(EmbeddedMcpServer.class)).isEmpty();
			McpSession session = context.getBean(McpClient.class).session();
			assertThat(session.url()).hasToString(other.url());
			assertThat(session.state()).isEqualTo(SessionState.READY);
			assertThat(output).contains("Called add_numbers {a=2, b=3}: 5");
		}
		finally {
			other.destroy();
		}
	}

	@Test
	void appStaysUpWhenTheServerCannotBeReached(CapturedOutput output) throws IOException {
		String url = "http://127.0.0.1:" + freePort() + "/mcp";
		try (ConfigurableApplicationContext context = run("--mcp.client.connections.demo.url=" + url)) {
			assertThat(context.isActive()).isTrue();
			assertThat(output).contains("Could not talk to MCP server 'demo' at " + url);
			assertThat(context.getBean(McpClient.class).session().state()).isEqualTo(SessionState.FAILED);
		}
	}

	private static ConfigurableApplicationContext run(String url) {
		// No web server: these tests are about the client, and Actuator is covered
		// elsewhere
		return new SpringApplicationBuilder(McpClientSampleApplication.class).web(WebApplicationType.NONE)
			.run("--sample.embedded-server.enabled=false", url);
	}

	private static int freePort() throws IOException {
		// Closed again at once, so nothing listens there when the client connects
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
