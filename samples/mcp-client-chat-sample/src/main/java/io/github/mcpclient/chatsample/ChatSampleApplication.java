package io.github.mcpclient.chatsample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A command-line chat whose model can use the tools of every configured MCP connection.
 * It asks the questions given as arguments (or the configured ones), prints the
 * conversation and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ChatSampleApplication {

	public static void main(String[] args) {
		// Once the conversation is over, close the context (which ends the MCP session
		// and stops the embedded server's threads) so the JVM exits
		System.exit(SpringApplication.exit(SpringApplication.run(ChatSampleApplication.class, args)));
	}

}
