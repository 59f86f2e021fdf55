/**
 * A stand-in for a language model, so that the sample runs without one.
 */
@NullMarked
package io.github.mcpclient.chatsample.model;

import org.jspecify.annotations.NullMarked;
