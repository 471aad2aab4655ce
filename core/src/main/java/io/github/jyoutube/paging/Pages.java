package io.github.jyoutube.paging;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The pages of a list call, fetched lazily, one request per page, as they are iterated.
 *
 * <p>Iterating follows {@code nextPageToken} until the last page, or until {@code maxItems} items
 * have been seen: no page is fetched that is not needed, and the last one asks only for the items
 * still wanted. Each iteration starts again from the first page.
 *
 * @param <P> the page type, such as {@code PlaylistListResponse}
 * @param <T> the item type, such as {@code Playlist}
 */
public final class Pages<P extends Page<T>, T> implements Iterable<P> {

  /** Fetches one page. */
  @FunctionalInterface
  public interface Fetcher<P> {
    /**
     * Fetches a page.
     *
     * @param pageToken the page's token, or {@code null} for the first page
     * @param wanted how many more items the caller wants, at least 1
     * @return the page
     */
    P fetch(String pageToken, long wanted);
  }

  private final Fetcher<P> fetcher;
  private final Supplier<Iterator<P>> source;
  private final String firstToken;
  private final long maxItems;

  /**
   * Creates the pages.
   *
   * @param fetcher fetches each page
   * @param firstToken the token of the first page, or {@code null} to start at the beginning
   * @param maxItems how many items to take at most
   */
  public Pages(Fetcher<P> fetcher, String firstToken, long maxItems) {
    this(Objects.requireNonNull(fetcher, "fetcher == null"), null, firstToken, maxItems);
  }

  private Pages(
      Fetcher<P> fetcher, Supplier<Iterator<P>> source, String firstToken, long maxItems) {
    if (maxItems < 0) {
      throw new IllegalArgumentException("maxItems must be >= 0: " + maxItems);
    }
    this.fetcher = fetcher;
    this.source = source;
    this.firstToken = firstToken;
    this.maxItems = maxItems;
  }

  /**
   * Pages that come from somewhere other than {@code nextPageToken}, such as the batches of an id
   * lookup split into several requests: each iteration asks {@code source} for a new iterator, and
   * the items stop after {@code maxItems}.
   *
   * @param source makes the iterator of one walk over the pages
   * @param maxItems how many items to take at most
   * @param <P> the type of page
   * @param <T> the type of item
   * @return the pages
   */
  public static <P extends Page<T>, T> Pages<P, T> of(Supplier<Iterator<P>> source, long maxItems) {
    return new Pages<>(null, Objects.requireNonNull(source, "source == null"), null, maxItems);
  }

  @Override
  public Iterator<P> iterator() {
    if (source != null) {
      return maxItems == 0 ? java.util.Collections.emptyIterator() : source.get();
    }
    return new PageIterator();
  }

  /** {@return the pages as a lazy, sequential stream} */
  public Stream<P> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /**
   * The items of every page, as a lazy stream that stops after {@code maxItems} items.
   *
   * @return the items of every page, as a lazy stream
   */
  public Stream<T> items() {
    return stream()
        .flatMap(page -> page.items() == null ? Stream.empty() : page.items().stream())
        .limit(maxItems);
  }

  private final class PageIterator implements Iterator<P> {
    private String token = firstToken;
    private boolean done = maxItems == 0;
    private long seen;

    @Override
    public boolean hasNext() {
      return !done;
    }

    @Override
    public P next() {
      if (done) {
        throw new NoSuchElementException();
      }
      P page = fetcher.fetch(token, maxItems - seen);
      List<T> items = page.items();
      seen += items == null ? 0 : items.size();
      String next = page.nextPageToken();
      // A token that repeats the current one would loop forever: treat it as the end.
      done = next == null || next.isEmpty() || next.equals(token) || seen >= maxItems;
      token = next;
      return page;
    }
  }
}
