package io.github.mcpclient.protocol;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;

/**
 * The contents of a resource, either text or base64-encoded binary data.
 *
 * @since 0.1.0
 */
// The JSON has no discriminator: the presence of "text" or "blob" decides the type
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({ @JsonSubTypes.Type(TextResourceContents.class), @JsonSubTypes.Type(BlobResourceContents.class) })
public sealed interface ResourceContents permits TextResourceContents, BlobResourceContents {

	/**
	 * Return the URI of the resource these contents belong to.
	 * @return the resource URI
	 */
	String uri();

	/**
	 * Return the MIME type of the contents, if the server knows it.
	 * @return the MIME type or {@code null}
	 */
	@Nullable String mimeType();

	/**
	 * Return the {@code _meta} object the server attached, if any.
	 * @return the metadata or {@code null}
	 */
	@Nullable Map<String, Object> meta();

}
