package io.github.mcpclient.auth;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * The user's side of the authorization-code grant: takes the user to the authorization
 * server's authorization URL and returns what the server sent back to the redirect URI. A
 * desktop or command-line application opens a browser and listens on a loopback port
 * ({@link LoopbackUserAgent}); a test follows the URL itself.
 *
 * @since 0.2.0
 */
public interface AuthorizationCodeUserAgent {

	/**
	 * Where the authorization server sends the user back to: the {@code redirect_uri} of
	 * the request and of the client's registration.
	 * @return the redirect URI
	 */
	URI redirectUri();

	/**
	 * Let the user authorize the client and wait for the callback.
	 * @param authorizationUrl the full authorization request URL, with PKCE challenge,
	 * state and resource
	 * @return the callback's parameters, taken as they came: the caller checks
	 * {@code state} and {@code iss}
	 */
	Mono<AuthorizationCallback> authorize(URI authorizationUrl);

	/**
	 * Let the user authorize the client for a registration. A web application's user
	 * agent, whose framework builds and sends its own authorization request, uses the
	 * registration to name it, and fails the call until the user has been redirected and
	 * has come back.
	 * @param authorizationUrl the full authorization request URL, with PKCE challenge,
	 * state and resource
	 * @param registration the client registration the token is for
	 * @return the callback's parameters, by default those of {@link #authorize(URI)}
	 */
	default Mono<AuthorizationCallback> authorize(URI authorizationUrl, ClientRegistration registration) {
		return authorize(authorizationUrl);
	}

}
