package io.github.mcpclient.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a {@code completion/complete} request completes an argument of: a prompt or a
 * resource template.
 *
 * @since 0.1.0
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = PromptReference.class, name = "ref/prompt"),
		@JsonSubTypes.Type(value = ResourceTemplateReference.class, name = "ref/resource") })
public sealed interface CompleteReference permits PromptReference, ResourceTemplateReference {

}
