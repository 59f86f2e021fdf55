package io.github.mcpclient.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code notifications/progress}: how far a long-running request got.
 *
 * @param progressToken the token the request carried in {@code _meta.progressToken}
 * @param progress the progress so far; increases with every notification
 * @param total the total, if known
 * @param message a human-readable status
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/progress">Progress</a>
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressNotification(Object progressToken, double progress, @Nullable Double total,
		@Nullable String message) {
}
