/**
 * JSON-RPC messages, MCP payload types, protocol versions and the exception hierarchy.
 */
@NullMarked
package io.github.mcpclient.protocol;

import org.jspecify.annotations.NullMarked;
