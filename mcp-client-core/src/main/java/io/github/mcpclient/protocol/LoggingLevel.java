package io.github.mcpclient.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Severity of a server log message, the syslog levels of RFC 5424 from least to most
 * severe.
 *
 * @since 0.1.0
 */
public enum LoggingLevel {

	@JsonProperty("debug")
	DEBUG,

	@JsonProperty("info")
	INFO,

	@JsonProperty("notice")
	NOTICE,

	@JsonProperty("warning")
	WARNING,

	@JsonProperty("error")
	ERROR,

	@JsonProperty("critical")
	CRITICAL,

	@JsonProperty("alert")
	ALERT,

	@JsonProperty("emergency")
	EMERGENCY

}
