/**
 * The exceptions the client throws: one unchecked, sealed hierarchy rooted at {@link
 * io.github.jyoutube.error.YouTubeException}.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package io.github.jyoutube.error;
