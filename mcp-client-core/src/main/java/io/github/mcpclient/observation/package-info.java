/**
 * Micrometer observations of MCP traffic, named and keyed after the OpenTelemetry MCP
 * semantic conventions: the contexts, their conventions and the attribute names.
 */
@NullMarked
package io.github.mcpclient.observation;

import org.jspecify.annotations.NullMarked;
