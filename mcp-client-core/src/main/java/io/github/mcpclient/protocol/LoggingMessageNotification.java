package io.github.mcpclient.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code notifications/message}: a log entry from the server.
 *
 * @param level the severity
 * @param logger the name of the server-side logger
 * @param data the logged value, any JSON
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoggingMessageNotification(LoggingLevel level, @Nullable String logger, @Nullable Object data) {
}
