/**
 * The 2026-07-28 request headers: mirroring tool parameters into {@code Mcp-Param-*}
 * headers and encoding their values.
 */
@NullMarked
package io.github.mcpclient.transport.headers;

import org.jspecify.annotations.NullMarked;
