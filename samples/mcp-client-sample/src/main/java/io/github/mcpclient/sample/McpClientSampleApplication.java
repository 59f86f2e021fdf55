package io.github.mcpclient.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application that talks to an MCP server through the starter's auto-configured
 * {@link io.github.mcpclient.McpClient}.
 */
@SpringBootApplication
public class McpClientSampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(McpClientSampleApplication.class, args);
	}

}
