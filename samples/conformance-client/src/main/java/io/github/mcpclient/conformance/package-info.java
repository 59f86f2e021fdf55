/**
 * A command-line MCP client that performs the official conformance suite's client
 * scenarios through the starter's public API.
 */
@NullMarked
package io.github.mcpclient.conformance;

import org.jspecify.annotations.NullMarked;
