package io.github.jyoutube.resource;

import io.github.jyoutube.http.ClientContext;
import io.github.jyoutube.paging.Page;
import io.github.jyoutube.paging.Pages;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A request to a list method that pages with {@code pageToken}: besides {@link #execute()} for one
 * page, it walks every page for the caller.
 *
 * <p>When walking, {@code maxResults} defaults to the method's maximum, so that as few requests as
 * possible are made; with {@link #maxItems(long)} the last page asks only for what is still wanted.
 *
 * @param <T> the page type
 * @param <I> the item type
 * @param <R> the concrete request type
 */
public abstract class PagedRequest<T extends Page<I>, I, R extends PagedRequest<T, I, R>>
    extends ReadRequest<T, R> {

  private final int maxPageSize;
  private long maxItems = Long.MAX_VALUE;

  PagedRequest(ClientContext context, MethodSpec spec, Class<T> responseType, int maxPageSize) {
    super(context, spec, responseType);
    this.maxPageSize = maxPageSize;
  }

  /**
   * The page to return, from a previous response's {@code nextPageToken}.
   *
   * @param pageToken the page to return, from a previous response's {@code nextPageToken}
   * @return this request
   */
  public final R pageToken(String pageToken) {
    return set("pageToken", pageToken);
  }

  /**
   * The most items {@link #pages()} and {@link #stream()} yield in all; no page is fetched beyond
   * what they need.
   *
   * @param maxItems the most items to yield
   * @return this request
   */
  public final R maxItems(long maxItems) {
    if (maxItems < 0) {
      throw new IllegalArgumentException("maxItems must be >= 0: " + maxItems);
    }
    this.maxItems = maxItems;
    return self();
  }

  /**
   * Every page, fetched lazily as the iteration reaches it, starting at {@code pageToken} if set.
   * The parameters are those set now; later changes to this request do not affect it.
   *
   * <p>An {@code id} list longer than the API's 50 is looked up in batches of 50 instead, one page
   * per batch, the items in the order of the ids asked; a few batches are sent ahead of the one
   * being read (never more than {@link #maxItems} may need).
   *
   * @return the pages, fetched lazily
   */
  public Pages<T, I> pages() {
    IdBatches<T> batches = IdBatches.of(this, maxItems);
    if (batches != null) {
      return Pages.of(batches::pages, maxItems);
    }
    Map<String, String> base = query();
    // Check the required parameters now, not at the first page.
    toCall(base);
    String userPageSize = base.remove("maxResults");
    int pageSize = userPageSize == null ? maxPageSize : Integer.parseInt(userPageSize);
    String firstToken = base.remove("pageToken");
    return new Pages<>(
        (token, wanted) -> {
          Map<String, String> parameters = new LinkedHashMap<>(base);
          parameters.put("maxResults", String.valueOf(Math.min(pageSize, wanted)));
          if (token != null) {
            parameters.put("pageToken", token);
          }
          return send(parameters);
        },
        firstToken,
        maxItems);
  }

  /** {@return every item of every page, as a lazy stream} */
  public Stream<I> stream() {
    return pages().items();
  }
}
