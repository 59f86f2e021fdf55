package io.github.mcpclient.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Parameters of a list request; {@code cursor} is the {@code nextCursor} of the previous
 * page, or {@code null} for the first page.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaginatedRequest(@Nullable String cursor) {

	/**
	 * Return the parameters that ask for the first page.
	 * @return a request without a cursor
	 */
	public static PaginatedRequest firstPage() {
		return new PaginatedRequest(null);
	}

}
