/**
 * Observation and metrics glue of the MCP client auto-configuration.
 */
@NullMarked
package io.github.mcpclient.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
