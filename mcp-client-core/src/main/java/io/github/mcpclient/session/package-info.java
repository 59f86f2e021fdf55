/**
 * Per-connection session state: immutable snapshots and the holder that moves them
 * through their life.
 */
@NullMarked
package io.github.mcpclient.session;

import org.jspecify.annotations.NullMarked;
