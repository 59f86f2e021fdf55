package io.github.mcpclient.oauthsample.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application whose MCP connection is authorized with the OAuth client credentials
 * grant: it configures a client id and secret, and the starter finds the authorization
 * server from the MCP server's first refusal.
 */
@SpringBootApplication
public class McpClientOAuthSampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(McpClientOAuthSampleApplication.class, args);
	}

}
