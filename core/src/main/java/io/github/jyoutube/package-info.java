/**
 * jyoutube: a client of the YouTube Data API v3. Start at {@link io.github.jyoutube.YouTubeClient}.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package io.github.jyoutube;
