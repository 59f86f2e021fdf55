/**
 * The {@code text/event-stream} parser: bytes in as they arrive, events out.
 */
@NullMarked
package io.github.mcpclient.transport.sse;

import org.jspecify.annotations.NullMarked;
