package io.github.mcpclient.engine;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;

/**
 * How a request looks on the wire in one protocol era: the one place where legacy and
 * modern requests differ.
 */
interface RequestShape {

	/**
	 * The legacy era (2025-11-25 and older): parameters as given, session headers added
	 * by the session filter, streams resumable, cancellation announced.
	 */
	RequestShape LEGACY = new RequestShape() {

		@Override
		public @Nullable JsonNode params(String method, @Nullable JsonNode params) {
			return params;
		}

		@Override
		public HttpHeaders headers(String method, @Nullable JsonNode params) {
			return HttpHeaders.EMPTY;
		}

		@Override
		public boolean isLegacy() {
			return true;
		}

	};

	/**
	 * The modern era (2026-07-28): metadata and mirrored headers on every request, no
	 * resumption, cancellation by closing the stream.
	 * @param requests the connection's modern request builder
	 * @param version the negotiated modern version
	 * @return the shape
	 */
	static RequestShape modern(ModernRequests requests, String version) {
		return new RequestShape() {

			@Override
			public JsonNode params(String method, @Nullable JsonNode params) {
				return requests.params(version, params);
			}

			@Override
			public HttpHeaders headers(String method, @Nullable JsonNode params) {
				return requests.headers(version, method, (params != null) ? params : requests.params(version, null));
			}

			@Override
			public boolean isLegacy() {
				return false;
			}

		};
	}

	@Nullable JsonNode params(String method, @Nullable JsonNode params);

	HttpHeaders headers(String method, @Nullable JsonNode params);

	/**
	 * Whether streams can be resumed and cancellation is announced with
	 * {@code notifications/cancelled}, as only the legacy era does.
	 * @return {@code true} for the legacy era
	 */
	boolean isLegacy();

}
