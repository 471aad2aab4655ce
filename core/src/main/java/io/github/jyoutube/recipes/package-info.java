/**
 * Recipes: the common jobs done at the fewest quota units, and waiters that poll until YouTube is
 * done. Obtained from {@link io.github.jyoutube.YouTubeClient#recipes()} and {@link
 * io.github.jyoutube.YouTubeClient#waiters()}.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package io.github.jyoutube.recipes;
