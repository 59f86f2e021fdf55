/**
 * A chat application whose model uses the tools of MCP servers through Spring AI.
 */
@NullMarked
package io.github.mcpclient.chatsample;

import org.jspecify.annotations.NullMarked;
