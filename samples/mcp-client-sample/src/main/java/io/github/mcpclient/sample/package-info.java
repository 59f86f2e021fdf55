/**
 * A sample application that uses the MCP client starter.
 */
@NullMarked
package io.github.mcpclient.sample;

import org.jspecify.annotations.NullMarked;
