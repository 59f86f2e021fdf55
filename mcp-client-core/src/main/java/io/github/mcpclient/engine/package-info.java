/**
 * The client's machinery: connecting in the right protocol era, the JSON-RPC channel,
 * server messages, listening and session state. Only
 * {@link io.github.mcpclient.engine.McpClientFactory} is public.
 */
@NullMarked
package io.github.mcpclient.engine;

import org.jspecify.annotations.NullMarked;
