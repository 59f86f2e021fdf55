package io.github.mcpclient.auth;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of discovery for one MCP server: its protected resource metadata, if it
 * publishes any, the authorization server to use and the {@code resource} to ask tokens
 * for.
 *
 * @param resourceMetadata the protected resource metadata, or {@code null} for a
 * 2025-03-26 server without one
 * @param authorizationServer the authorization server
 * @param resource the resource indicator (RFC 8707) for authorization and token requests
 */
record DiscoveredServer(@Nullable ProtectedResourceMetadata resourceMetadata,
		AuthorizationServerMetadata authorizationServer, String resource) {

}
