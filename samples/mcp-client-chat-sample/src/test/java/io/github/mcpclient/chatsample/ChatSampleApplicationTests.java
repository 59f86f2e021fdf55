package io.github.mcpclient.chatsample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample as it runs out of the box: the scripted model uses the embedded server's
 * tools through the MCP client.
 */
// Port 0 keeps the test off 3002, where a developer may have the sample running. The
// output capture sees the runner only because no other test loads this context first.
@SpringBootTest(properties = "sample.embedded-server.port=0",
		args = { "What is the weather in Lisbon?", "What is 1.5 plus 2?", "Tell me a joke" })
@ExtendWith(OutputCaptureExtension.class)
class ChatSampleApplicationTests {

	@Test
	void theModelAnswersWithWhatTheMcpToolsSaid(CapturedOutput output) {
		assertThat(output).contains("Tools offered to the model: [demo_weather, demo_add_numbers, demo_current_time]")
			.contains("You:       What is the weather in Lisbon?")
			.containsPattern("Assistant: The tool demo_weather says: Lisbon: [a-z ]+, \\d+ \u00b0C")
			.contains("Assistant: The tool demo_add_numbers says: 3.5")
			.contains("Assistant: I am a scripted model")
			.doesNotContain("What time is it on the server?");
	}

}
