/**
 * Every exception the client throws, under the one root
 * {@link io.github.mcpclient.exception.McpException}.
 */
@NullMarked
package io.github.mcpclient.exception;

import org.jspecify.annotations.NullMarked;
