/**
 * JSON-RPC messages, MCP payload types, protocol versions, eras and method names.
 */
@NullMarked
package io.github.mcpclient.protocol;

import org.jspecify.annotations.NullMarked;
