/**
 * Spring Boot Actuator support for MCP clients: the {@code mcp} endpoint and health
 * indicators.
 */
@NullMarked
package io.github.mcpclient.actuate;

import org.jspecify.annotations.NullMarked;
