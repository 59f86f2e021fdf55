package io.github.mcpclient.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A block of content in a tool result or prompt message, told apart by its JSON
 * {@code type}; types this client does not know become {@link UnknownContent}.
 *
 * @since 0.1.0
 */
// EXISTING_PROPERTY (rather than PROPERTY) lets UnknownContent write back the type it
// was read with instead of a Java class name; every record exposes its own type()
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
		visible = true, defaultImpl = UnknownContent.class)
@JsonSubTypes({ @JsonSubTypes.Type(value = TextContent.class, name = TextContent.TYPE),
		@JsonSubTypes.Type(value = ImageContent.class, name = ImageContent.TYPE),
		@JsonSubTypes.Type(value = AudioContent.class, name = AudioContent.TYPE),
		@JsonSubTypes.Type(value = ResourceLink.class, name = ResourceLink.TYPE),
		@JsonSubTypes.Type(value = EmbeddedResource.class, name = EmbeddedResource.TYPE) })
public sealed interface Content
		permits TextContent, ImageContent, AudioContent, ResourceLink, EmbeddedResource, UnknownContent {

	/**
	 * Return the value of the JSON {@code type} property.
	 * @return the content type, for example {@code text}
	 */
	String type();

}
