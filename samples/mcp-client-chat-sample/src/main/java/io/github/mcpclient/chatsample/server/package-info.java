/**
 * An MCP server that runs inside the sample so that its model has real tools to use; an
 * application would talk to servers of its own instead.
 */
@NullMarked
package io.github.mcpclient.chatsample.server;

import org.jspecify.annotations.NullMarked;
