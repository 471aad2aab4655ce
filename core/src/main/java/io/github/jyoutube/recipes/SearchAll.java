package io.github.jyoutube.recipes;

import io.github.jyoutube.QuotaCost;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.model.ResourceId;
import io.github.jyoutube.model.SearchListResponse;
import io.github.jyoutube.model.SearchResult;
import io.github.jyoutube.resource.SearchResource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A search past the API's limit: YouTube pages through about 500 results of a query and then stops,
 * whatever {@code totalResults} says. This splits the {@code publishedAfter}/{@code
 * publishedBefore} window while a window still reports more than the API pages through, searches
 * each window to its end, and drops results an earlier window yielded.
 *
 * <pre>{@code
 * SearchAll all = cli.recipes().searchAll(s -> s.q("lofi").type("video"));
 * SearchEstimate cost = all.estimate();           // one call; the search reuses its answer
 * all.stream().forEach(r -> System.out.println(r.id().videoId()));
 * all.progress();                                  // calls, units, results, windows split
 * }</pre>
 *
 * <p>The window is the one the configured request gives, else from YouTube's first day to now.
 * Without an {@code order}, the search asks for {@code date}: the results come newest first, and
 * the first page of a window tells where its results lie. A window that reports more than {@link
 * #PAGEABLE} results is split: its end moves to its newest result, the span its results likely
 * cover (from the count and the spacing of the newest 50) is cut into as many equal windows as the
 * count suggests (two to eight), and what lies before that span is one more window; each is split
 * again while it reports too many. (With another {@code order} the window is cut into equal parts
 * of time.) The first page of a window that is split is spent; the others are searched page by
 * page, newest first. A window of {@link #minWindow} or less is searched as far as the API goes and
 * counted as truncated.
 *
 * <p>Every call costs {@code search.list}'s price ({@link io.github.jyoutube.QuotaBucket#SEARCH},
 * 100 calls a day by default): {@link #estimate()} says beforehand what the whole search should
 * cost, and {@link #progress()} and {@link #onProgress} count as it goes. Not safe for use from
 * several threads at once; each stream searches afresh, but for the first call that {@link
 * #estimate()} made.
 */
public final class SearchAll {

  /** About how many results YouTube pages through for one query before it stops. */
  public static final int PAGEABLE = 500;

  /** The day of YouTube's first upload: the window's start when the request gives none. */
  static final Instant YOUTUBE_FIRST_DAY = Instant.parse("2005-04-23T00:00:00Z");

  private static final int PAGE_SIZE = 50;
  private static final int MOST_PARTS = 8;
  private static final int MOST_PAGES = PAGEABLE / PAGE_SIZE + 2;

  private final YouTubeClient client;
  private final Clock clock;
  private final Consumer<SearchResource.ListRequest> configure;
  private final QuotaCost cost;
  private final Instant givenAfter;
  private final Instant givenBefore;
  private final boolean dateOrdered;
  private long maxItems = Long.MAX_VALUE;
  private long maxCalls = 1_000;
  private Duration minWindow = Duration.ofSeconds(1);
  private Consumer<SearchProgress> listener = progress -> {};
  private Window root;
  private SearchListResponse rootAnswer;
  private SearchProgress progress = new SearchProgress(0, 0, 0, 0, 0, 0, 0, false);

  SearchAll(YouTubeClient client, Clock clock, Consumer<SearchResource.ListRequest> configure) {
    this.client = Objects.requireNonNull(client, "client == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.configure = Objects.requireNonNull(configure, "configure == null");
    SearchResource.ListRequest probe = request();
    this.cost = probe.quotaCost();
    this.givenAfter = instant(probe.parameters().get("publishedAfter"), "publishedAfter");
    this.givenBefore = instant(probe.parameters().get("publishedBefore"), "publishedBefore");
    String order = probe.parameters().get("order");
    this.dateOrdered = order == null || order.equals(SearchResource.Order.DATE.value());
    if (givenAfter != null && givenBefore != null && !givenAfter.isBefore(givenBefore)) {
      throw new IllegalArgumentException(
          "publishedAfter " + givenAfter + " is not before publishedBefore " + givenBefore);
    }
  }

  private static Instant instant(String text, String name) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " is not an RFC 3339 date-time: " + text, e);
    }
  }

  /**
   * The most results to yield (all by default); no call is made beyond them.
   *
   * @param maxItems the most results to return
   * @return the most results to yield (all by default); no call is made beyond them
   */
  public SearchAll maxItems(long maxItems) {
    if (maxItems < 0) {
      throw new IllegalArgumentException("maxItems must be >= 0: " + maxItems);
    }
    this.maxItems = maxItems;
    return this;
  }

  /**
   * The most calls one walk makes (1,000 by default: ten days of the default {@code search.list}
   * quota), however many windows the API's counts ask for; a walk that reaches it ends early, and
   * {@link SearchProgress#budgetSpent()} says so.
   *
   * @param maxCalls the most search calls to make
   * @return the most calls one walk makes (1,000 by default: ten days of the default {@code
   *     search.list} quota), however many windows the API's counts ask for; a walk that reaches it
   *     ends early, and {@link SearchProgress#budgetSpent()} says so
   */
  public SearchAll maxCalls(long maxCalls) {
    if (maxCalls < 1) {
      throw new IllegalArgumentException("maxCalls must be >= 1: " + maxCalls);
    }
    this.maxCalls = maxCalls;
    return this;
  }

  /**
   * The narrowest window that is split further (1 second by default).
   *
   * @param minWindow the shortest date window to split down to
   * @return the narrowest window that is split further (1 second by default)
   */
  public SearchAll minWindow(Duration minWindow) {
    Objects.requireNonNull(minWindow, "minWindow == null");
    if (minWindow.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("minWindow must be at least 1 second: " + minWindow);
    }
    this.minWindow = minWindow;
    return this;
  }

  /**
   * Called after every call with the counts so far, on the thread that walks the stream.
   *
   * @param listener told of each call and window
   * @return called after every call with the counts so far, on the thread that walks the stream
   */
  public SearchAll onProgress(Consumer<SearchProgress> listener) {
    this.listener = Objects.requireNonNull(listener, "listener == null");
    return this;
  }

  /** {@return the counts of the last (or current) walk} */
  public SearchProgress progress() {
    return progress;
  }

  /**
   * What the whole search should cost: one call asks for the count of the whole window (the search
   * reuses its answer), the rest is worked out as the search would split, as if the results spread
   * evenly over time.
   *
   * @return what the whole search should cost: one call asks for the count of the whole window (the
   *     search reuses its answer), the rest is worked out as the search would split, as if the
   *     results spread evenly over time
   */
  public SearchEstimate estimate() {
    Window window = root();
    if (rootAnswer == null) {
      rootAnswer = fetch(window, null);
      count(1, 0, 0);
    }
    long reported = reported(rootAnswer);
    Window span = window;
    Spread spread = dateOrdered ? Spread.of(rootAnswer) : null;
    if (spread != null && reported > PAGEABLE) {
      long seconds = spread.secondsFor(reported);
      Instant end = min(window.before, spread.newest.plusSeconds(1));
      span = new Window(max(window.after, end.minusSeconds(seconds)), end);
    }
    long calls = Math.max(1, calls(window, reported, span));
    return new SearchEstimate(reported, calls, calls * cost.units(), cost.bucket(), 1);
  }

  /** {@return every result of every window, without duplicates, fetched lazily} */
  public Stream<SearchResult> stream() {
    long spent = rootAnswer == null ? 0 : 1;
    progress = new SearchProgress(spent, spent * cost.units(), 0, 0, 0, 0, 1, false);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(new Walk(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  private Window root() {
    if (root == null) {
      Instant before =
          givenBefore != null ? givenBefore : clock.instant().truncatedTo(ChronoUnit.SECONDS);
      Instant after = givenAfter != null ? givenAfter : YOUTUBE_FIRST_DAY;
      if (!after.isBefore(before)) {
        after = before.minusSeconds(1);
      }
      root = new Window(after, before);
    }
    return root;
  }

  /**
   * The calls the walk makes for {@code window} if its {@code reported} results spread evenly over
   * {@code span} (and none lie outside it): the walk's own splitting, worked out on the model.
   */
  private long calls(Window window, double reported, Window span) {
    if (reported <= PAGEABLE || window.seconds() <= minWindow.toSeconds()) {
      double pageable = Math.min(reported, PAGEABLE);
      return Math.max(1, (long) Math.ceil(pageable / PAGE_SIZE));
    }
    double density = reported / Math.max(1, span.seconds());
    Window within = window.overlap(span);
    List<Window> parts;
    if (dateOrdered && within != null) {
      parts = splitAround(window, within, reported);
    } else {
      parts = window.split(parts(reported, window.seconds()));
    }
    long calls = 1;
    for (Window part : parts) {
      Window overlap = part.overlap(span);
      double inPart = overlap == null ? 0 : density * overlap.seconds();
      calls += calls(part, inPart, span);
    }
    return calls;
  }

  /** Into how many parts a window that reports {@code reported} results is split. */
  private static int parts(double reported, long seconds) {
    int wanted = (int) Math.min(MOST_PARTS, Math.ceil(reported / (PAGEABLE * 0.8)));
    return (int) Math.max(2, Math.min(wanted, seconds));
  }

  /**
   * A window whose results likely lie in {@code span}: the span cut into equal parts, newest first,
   * then what lies before it as one more part.
   */
  private List<Window> splitAround(Window window, Window span, double reported) {
    Window top = new Window(window.after, span.before);
    if (top.seconds() < 2) {
      return window.split(parts(reported, window.seconds()));
    }
    if (!span.after.isAfter(window.after) || span.seconds() < 2) {
      return top.split(parts(reported, top.seconds()));
    }
    List<Window> parts =
        new ArrayList<>(new Window(span.after, span.before).split(parts(reported, span.seconds())));
    parts.add(new Window(window.after, span.after));
    return parts;
  }

  /**
   * How a window that reported too many is split: around the span its date-ordered first page
   * suggests, else into equal parts.
   */
  private List<Window> split(Window window, long reported, SearchListResponse firstPage) {
    Spread spread = dateOrdered ? Spread.of(firstPage) : null;
    if (spread == null) {
      return window.split(parts(reported, window.seconds()));
    }
    Instant end = min(window.before, spread.newest.plusSeconds(1));
    if (!end.isAfter(window.after)) {
      return window.split(parts(reported, window.seconds()));
    }
    // A margin, for results that come thinner further back than the newest 50 suggest.
    long seconds = spread.secondsFor(reported) * 5 / 4;
    Window span = new Window(max(window.after, end.minusSeconds(seconds)), end);
    return splitAround(window, span, reported);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** What a date-ordered first page tells: its newest result, and the spacing of its results. */
  private record Spread(Instant newest, Instant oldest, int count) {

    /** The spread of a page's results; null if it has fewer than two dated ones. */
    static Spread of(SearchListResponse page) {
      Instant newest = null;
      Instant oldest = null;
      int count = 0;
      for (SearchResult result : page.items() == null ? List.<SearchResult>of() : page.items()) {
        if (result.snippet() == null || result.snippet().publishedAt() == null) {
          continue;
        }
        Instant at;
        try {
          at = result.snippet().publishedAt().toInstant();
        } catch (RuntimeException malformed) {
          continue;
        }
        newest = newest == null || at.isAfter(newest) ? at : newest;
        oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
        count++;
      }
      return count < 2 ? null : new Spread(newest, oldest, count);
    }

    /** The seconds {@code reported} results take at this page's spacing. */
    long secondsFor(double reported) {
      double spacing = Math.max(1, Duration.between(oldest, newest).toSeconds()) / (count - 1.0);
      return (long) Math.min(Long.MAX_VALUE / 4, Math.ceil(reported * spacing));
    }
  }

  private static long reported(SearchListResponse answer) {
    if (answer.pageInfo() != null && answer.pageInfo().totalResults() != null) {
      return answer.pageInfo().totalResults();
    }
    return answer.items() == null ? 0 : answer.items().size();
  }

  private SearchResource.ListRequest request() {
    SearchResource.ListRequest request = client.search().list();
    configure.accept(request);
    return request;
  }

  private SearchListResponse fetch(Window window, String pageToken) {
    SearchResource.ListRequest request = request();
    if (request.parameters().get("order") == null) {
      request.order(SearchResource.Order.DATE);
    }
    request
        .publishedAfter(window.after)
        .publishedBefore(window.before)
        .maxResults(PAGE_SIZE)
        .pageToken(pageToken);
    return request.execute();
  }

  private void count(long calls, long results, long duplicates) {
    progress =
        new SearchProgress(
            progress.calls() + calls,
            progress.units() + calls * cost.units(),
            progress.results() + results,
            progress.duplicates() + duplicates,
            progress.windowsSplit(),
            progress.windowsTruncated(),
            progress.windowsLeft(),
            progress.budgetSpent());
  }

  private static String key(SearchResult result) {
    ResourceId id = result.id();
    if (id == null) {
      return null;
    }
    String value =
        id.videoId() != null
            ? id.videoId()
            : id.channelId() != null ? id.channelId() : id.playlistId();
    return id.kind() + ":" + value;
  }

  /** A {@code [after, before]} span of publication times. */
  private record Window(Instant after, Instant before) {
    long seconds() {
      return Duration.between(after, before).toSeconds();
    }

    /** The part of this window within {@code other}, or null if none. */
    Window overlap(Window other) {
      Instant start = max(after, other.after);
      Instant end = min(before, other.before);
      return start.isBefore(end) ? new Window(start, end) : null;
    }

    /** {@code parts} equal windows, newest first, on whole seconds. */
    List<Window> split(int parts) {
      long seconds = seconds();
      List<Window> windows = new ArrayList<>();
      Instant end = before;
      for (int i = parts - 1; i >= 0; i--) {
        Instant start = i == 0 ? after : after.plusSeconds(seconds * i / parts);
        windows.add(new Window(start, end));
        end = start;
      }
      return windows;
    }
  }

  /** The walk over the windows, newest first. */
  private final class Walk implements Iterator<SearchResult> {
    private final Deque<Window> windows = new ArrayDeque<>();
    private final Set<String> seen = new HashSet<>();
    private final Deque<SearchResult> ready = new ArrayDeque<>();
    private Window current;
    private String nextToken;
    private int pagesOfCurrent;
    private boolean budgetSpent;
    private boolean reuseRoot = rootAnswer != null;
    private int windowsSplit;
    private int windowsTruncated;
    private long yielded;

    Walk() {
      windows.add(root());
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty() && yielded < maxItems && (current != null || !windows.isEmpty())) {
        if (progress.calls() >= maxCalls) {
          budgetSpent = true;
          report();
          break;
        }
        advance();
      }
      return !ready.isEmpty() && yielded < maxItems;
    }

    @Override
    public SearchResult next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      yielded++;
      return ready.poll();
    }

    /** One call: the first page of the next window, or the next page of the current one. */
    private void advance() {
      SearchListResponse answer;
      if (current == null) {
        Window window = windows.poll();
        answer = first(window);
        long reported = reported(answer);
        if (reported > PAGEABLE && answer.nextPageToken() != null) {
          if (window.seconds() > minWindow.toSeconds()) {
            List<Window> parts = split(window, reported, answer);
            for (int i = parts.size() - 1; i >= 0; i--) {
              windows.addFirst(parts.get(i));
            }
            windowsSplit++;
            report();
            return;
          }
          windowsTruncated++;
        }
        current = window;
        pagesOfCurrent = 1;
      } else {
        answer = fetch(current, nextToken);
        count(1, 0, 0);
        pagesOfCurrent++;
      }
      take(answer);
      String token = answer.nextPageToken();
      // The API pages through PAGEABLE results at most; a server that pages on, or repeats a
      // token, does not keep the walk in one window.
      boolean more =
          token != null
              && !token.isEmpty()
              && !token.equals(nextToken)
              && pagesOfCurrent < MOST_PAGES;
      nextToken = more ? token : null;
      if (!more) {
        current = null;
      }
      report();
    }

    private SearchListResponse first(Window window) {
      if (reuseRoot && window.equals(root)) {
        reuseRoot = false;
        return rootAnswer;
      }
      SearchListResponse answer = fetch(window, null);
      count(1, 0, 0);
      return answer;
    }

    private void take(SearchListResponse answer) {
      long added = 0;
      long dropped = 0;
      if (answer.items() != null) {
        for (SearchResult result : answer.items()) {
          String key = key(result);
          if (key == null || seen.add(key)) {
            ready.add(result);
            added++;
          } else {
            dropped++;
          }
        }
      }
      count(0, added, dropped);
    }

    private void report() {
      progress =
          new SearchProgress(
              progress.calls(),
              progress.units(),
              progress.results(),
              progress.duplicates(),
              windowsSplit,
              windowsTruncated,
              windows.size() + (current == null ? 0 : 1),
              budgetSpent);
      listener.accept(progress);
    }
  }
}
