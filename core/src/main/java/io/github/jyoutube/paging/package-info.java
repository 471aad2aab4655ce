/**
 * Pagination: list calls walk YouTube's {@code nextPageToken} for the caller.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package io.github.jyoutube.paging;
