/**
 * Authorization of a connection's requests: the
 * {@link io.github.mcpclient.auth.McpAuthorization} strategy a connection asks for
 * credentials and tells of the server's refusals, and the OAuth 2.1 flow of the MCP
 * specification that implements it.
 */
@NullMarked
package io.github.mcpclient.auth;

import org.jspecify.annotations.NullMarked;
