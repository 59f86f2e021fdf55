/**
 * Spring Boot auto-configuration of MCP clients from {@code mcp.client.*} properties.
 */
@NullMarked
package io.github.mcpclient.autoconfigure;

import org.jspecify.annotations.NullMarked;
