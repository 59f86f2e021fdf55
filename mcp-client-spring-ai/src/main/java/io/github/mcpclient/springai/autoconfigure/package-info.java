/**
 * Auto-configuration of the Spring AI tool bridge.
 */
@NullMarked
package io.github.mcpclient.springai.autoconfigure;

import org.jspecify.annotations.NullMarked;
