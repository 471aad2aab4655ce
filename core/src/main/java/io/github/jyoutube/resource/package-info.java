/**
 * The API's resources ({@code playlists}, {@code videos}, ...) and their request builders.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package io.github.jyoutube.resource;
