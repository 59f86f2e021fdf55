/**
 * The tools of MCP connections as Spring AI tool callbacks: the
 * {@link io.github.mcpclient.springai.McpToolCallbackProvider} and what shapes it.
 */
@NullMarked
package io.github.mcpclient.springai;

import org.jspecify.annotations.NullMarked;
