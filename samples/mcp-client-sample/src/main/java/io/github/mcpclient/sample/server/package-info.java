/**
 * An MCP server that runs inside the sample so that its client has a real server to talk
 * to; an application using the starter would not have one.
 */
@NullMarked
package io.github.mcpclient.sample.server;

import org.jspecify.annotations.NullMarked;
