/**
 * MCP client API: the blocking {@link io.github.mcpclient.McpClient} and the reactive
 * {@link io.github.mcpclient.ReactiveMcpClient}.
 */
@NullMarked
package io.github.mcpclient;

import org.jspecify.annotations.NullMarked;
