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
		SpringApplication.run(ChatSampleApplication.class, args);
	}

}
