package io.github.mcpclient.autoconfigure;

import java.util.function.Function;

import reactor.util.context.Context;

/**
 * What blocking MCP calls carry from their calling thread into their Reactor context,
 * such as the signed-in user of a servlet request.
 */
@FunctionalInterface
interface McpBlockingCallContext extends Function<Context, Context> {

}
