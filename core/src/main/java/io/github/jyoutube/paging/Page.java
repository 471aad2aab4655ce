package io.github.jyoutube.paging;

import java.util.List;

/**
 * One page of a paged list response, as YouTube returns it.
 *
 * <p>Every list response that carries {@code items} and {@code nextPageToken} implements this, so
 * that the client can walk the pages for the caller.
 *
 * @param <T> the type of the items on the page
 */
public interface Page<T> {

  /** {@return the items on this page; {@code null} only when the response carried none} */
  List<T> items();

  /** {@return the token of the next page, or {@code null} on the last page} */
  String nextPageToken();
}
