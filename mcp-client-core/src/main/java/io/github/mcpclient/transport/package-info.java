/**
 * Streamable HTTP transport on Spring WebClient, with the session-aware exchange filter.
 */
@NullMarked
package io.github.mcpclient.transport;

import org.jspecify.annotations.NullMarked;
