package io.github.jyoutube.resource;

import io.github.jyoutube.Json;
import io.github.jyoutube.error.DecodeException;
import io.github.jyoutube.error.TransportException;
import io.github.jyoutube.http.HttpResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A lookup by more ids than the API takes in one request (50), sent as requests of at most 50 ids
 * each, a few at a time on the client's executor, the answers merged in the order the ids were
 * asked. Ids asked twice are asked for once.
 *
 * <p>The answers are merged as JSON: the envelope of the first, the items of all, ordered by the
 * position of their {@code id} (or {@code videoId}) among the ids asked; items whose id was not
 * asked keep the API's order, after the others. One batch whose items are already in order is read
 * from its bytes as they came.
 *
 * @param <T> the response type
 */
final class IdBatches<T> {

  /** The most ids the API takes in one request. */
  static final int MAX_IDS = 50;

  /** The most batch requests in flight at once. */
  static final int CONCURRENCY = 4;

  private final ApiRequest<T, ?> request;
  private final Map<String, String> base;
  private final List<List<String>> batches;
  private final Map<String, Integer> position;
  private final long maxItems;

  private IdBatches(
      ApiRequest<T, ?> request, Map<String, String> base, List<String> ids, long maxItems) {
    this.request = request;
    this.base = base;
    this.maxItems = maxItems;
    this.batches = new ArrayList<>();
    this.position = new HashMap<>();
    for (int start = 0; start < ids.size(); start += MAX_IDS) {
      batches.add(List.copyOf(ids.subList(start, Math.min(ids.size(), start + MAX_IDS))));
    }
    for (int i = 0; i < ids.size(); i++) {
      position.put(ids.get(i), i);
    }
  }

  /**
   * The batches of {@code request}, when its {@code id} parameter holds more than {@link #MAX_IDS}
   * ids; {@code null} when one request takes them.
   *
   * @param request the request, whose parameters are read now
   * @param maxItems how many items a walk over the pages takes at most
   * @throws IllegalArgumentException if the request also asks for a conditional answer, which a
   *     merged answer cannot give
   */
  static <T> IdBatches<T> of(ApiRequest<T, ?> request, long maxItems) {
    Map<String, String> query = request.query();
    String joined = query.get("id");
    if (joined == null) {
      return null;
    }
    String[] given = joined.split(",", -1);
    if (given.length <= MAX_IDS) {
      return null;
    }
    if (request.hasHeader("If-None-Match")) {
      throw new IllegalArgumentException(
          "ifNoneMatch cannot be combined with more than "
              + MAX_IDS
              + " ids ("
              + given.length
              + " given): the answer is merged from several requests");
    }
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(List.of(given)));
    query.remove("id");
    // The API pages id lookups by neither: every id's item comes in one answer (fetch follows a
    // server that pages them anyway).
    query.remove("maxResults");
    query.remove("pageToken");
    // Check the required parameters now, on the caller's thread.
    Map<String, String> probe = new LinkedHashMap<>(query);
    probe.put("id", ids.get(0));
    request.toCall(probe);
    return new IdBatches<>(request, query, ids, maxItems);
  }

  /** How many requests the lookup sends. */
  int size() {
    return batches.size();
  }

  /** Every batch, {@link #CONCURRENCY} at a time, merged into one answer. */
  CompletableFuture<T> mergedAsync() {
    AtomicReferenceArray<Map<String, Object>> trees = new AtomicReferenceArray<>(batches.size());
    AtomicBoolean failed = new AtomicBoolean();
    List<CompletableFuture<Void>> lanes = new ArrayList<>();
    for (int lane = 0; lane < Math.min(CONCURRENCY, batches.size()); lane++) {
      CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
      for (int index = lane; index < batches.size(); index += CONCURRENCY) {
        int each = index;
        // After a failure, the other lanes send nothing more: the answer is lost anyway.
        chain =
            chain.thenCompose(
                done ->
                    failed.get()
                        ? CompletableFuture.completedFuture(null)
                        : send(each)
                            .whenComplete(
                                (answer, error) -> failed.compareAndSet(false, error != null))
                            .thenAccept(answer -> trees.set(each, answer.tree)));
      }
      lanes.add(chain);
    }
    return CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new))
        .thenApply(done -> merge(trees));
  }

  /** {@link #mergedAsync()}, waited for. */
  T merged() {
    try {
      return mergedAsync().join();
    } catch (CompletionException | CancellationException e) {
      throw unwrap(e);
    }
  }

  /**
   * The answers one by one, in order: up to {@link #CONCURRENCY} requests ahead of the one being
   * read, but none beyond what {@code maxItems} may need (batch {@code k} is sent ahead only while
   * the batches before it cannot hold {@code maxItems} items).
   */
  Iterator<T> pages() {
    return new Window();
  }

  private CompletableFuture<Answer> send(int index) {
    Executor executor = request.context().executor().asyncExecutor();
    Map<String, String> parameters = new LinkedHashMap<>(base);
    parameters.put("id", String.join(",", batches.get(index)));
    return CompletableFuture.supplyAsync(
        () -> fetch(parameters, batches.get(index).size()), executor);
  }

  /**
   * One batch's answer, its pages followed: YouTube answers most lookups by id in one page, but a
   * server that pages one (as list methods with a default {@code maxResults} of 5 may) is followed
   * by its {@code nextPageToken}. A page holds at least one item, so a batch of {@code n} ids takes
   * at most {@code n} pages; a token seen before, or more pages than that, ends the batch there.
   */
  private Answer fetch(Map<String, String> parameters, int ids) {
    Answer answer = read(request.sendRaw(parameters));
    String token = nextPageToken(answer.tree);
    if (token == null) {
      return answer;
    }
    List<Object> items = items(answer.tree);
    Set<Integer> placed = new HashSet<>();
    items.forEach(item -> placed.add(position(item, -1)));
    Set<String> tokens = new HashSet<>();
    for (int pages = 1; token != null && pages < ids && tokens.add(token); pages++) {
      Map<String, String> next = new LinkedHashMap<>(parameters);
      next.put("pageToken", token);
      Answer page = read(request.sendRaw(next));
      for (Object item : items(page.tree)) {
        int at = position(item, -1);
        if (at < 0 || placed.add(at)) {
          items.add(item); // an item a page repeats is kept once
        }
      }
      token = nextPageToken(page.tree);
    }
    items.sort(
        (a, b) -> Integer.compare(position(a, Integer.MAX_VALUE), position(b, Integer.MAX_VALUE)));
    Map<String, Object> tree = new LinkedHashMap<>(answer.tree);
    tree.remove("nextPageToken");
    tree.put("items", items);
    return new Answer(answer.bytes, tree, true);
  }

  private static String nextPageToken(Map<String, Object> tree) {
    return tree.get("nextPageToken") instanceof String token && !token.isEmpty() ? token : null;
  }

  /** One batch's answer: the bytes as received and the tree with its items in order. */
  private record Answer(byte[] bytes, Map<String, Object> tree, boolean reordered) {}

  private Answer read(HttpResult result) {
    Object parsed = Json.tree(result.bodyText());
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new DecodeException(
          request.responseType().getSimpleName(),
          result.statusCode(),
          result.bodyText(),
          new IllegalStateException("not a JSON object"));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = new LinkedHashMap<>((Map<String, Object>) map);
    List<Object> items = items(tree);
    List<Object> ordered = new ArrayList<>(items);
    ordered.sort(
        (a, b) -> Integer.compare(position(a, Integer.MAX_VALUE), position(b, Integer.MAX_VALUE)));
    tree.put("items", ordered);
    return new Answer(result.body(), tree, !ordered.equals(items));
  }

  private static List<Object> items(Map<String, Object> tree) {
    Object items = tree.get("items");
    if (items instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    return new ArrayList<>();
  }

  /** The position of an item's id among the ids asked, or {@code missing}. */
  private int position(Object item, int missing) {
    if (item instanceof Map<?, ?> fields) {
      Object id = fields.get("id");
      if (!(id instanceof String)) {
        id = fields.get("videoId");
      }
      if (id instanceof String text) {
        return position.getOrDefault(text, missing);
      }
    }
    return missing;
  }

  private T merge(AtomicReferenceArray<Map<String, Object>> trees) {
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < trees.length(); i++) {
      items.addAll(items(trees.get(i)));
    }
    Map<String, Object> merged = new LinkedHashMap<>(trees.get(0));
    merged.remove("etag");
    merged.remove("nextPageToken");
    merged.remove("prevPageToken");
    merged.put("items", items);
    if (merged.containsKey("pageInfo")) {
      Map<String, Object> pageInfo = new LinkedHashMap<>();
      pageInfo.put("totalResults", items.size());
      pageInfo.put("resultsPerPage", items.size());
      merged.put("pageInfo", pageInfo);
    }
    return Json.parse(Json.writeBytes(merged), request.responseType());
  }

  private T page(Answer answer) {
    byte[] bytes = answer.reordered ? Json.writeBytes(answer.tree) : answer.bytes;
    return Json.parse(bytes, request.responseType());
  }

  private static RuntimeException unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof Error error) {
      throw error;
    }
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    return new TransportException("id lookup failed: " + cause, cause);
  }

  /** Reads the batches in order, sending a few ahead. */
  private final class Window implements Iterator<T> {
    private final Deque<CompletableFuture<Answer>> ahead = new ArrayDeque<>();
    private int started;
    private int taken;
    private long seen;

    @Override
    public boolean hasNext() {
      return taken < batches.size() && seen < maxItems;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      while (started < batches.size()
          && ahead.size() < CONCURRENCY
          && (started == taken || (long) started * MAX_IDS < maxItems)) {
        ahead.add(send(started++));
      }
      CompletableFuture<Answer> head = ahead.poll();
      taken++;
      Answer answer;
      try {
        answer = head.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancelAhead();
        throw new TransportException("interrupted while waiting for an id lookup", e);
      } catch (ExecutionException | CancellationException e) {
        cancelAhead();
        throw unwrap(e);
      }
      seen += items(answer.tree).size();
      return page(answer);
    }

    private void cancelAhead() {
      ahead.forEach(future -> future.cancel(false));
      ahead.clear();
      taken = batches.size();
    }
  }
}
