package io.github.jyoutube.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.youtube.YouTube;
import io.github.jyoutube.Endpoints;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.model.Playlist;
import io.github.jyoutube.model.PlaylistItem;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One client in a JVM of its own, run by {@link SideBySide}, so that the process CPU it reports is
 * the client's alone (the fixture runs in another JVM). It warms up, then measures, and prints
 * {@code key=value}: {@code ops} (calls or items), {@code seconds} (wall), {@code cpuNanos} (this
 * process's CPU time over the measured part: every thread, JIT and GC included).
 *
 * <p>Arguments: {@code CLIENT SCENARIO BASE_URI ARGS...}; CLIENT {@code jyoutube}, {@code google},
 * {@code jyoutube-pool} (jyoutube with a JDK client on its default executor, as before the
 * optimisation in docs/PERFORMANCE.md) or {@code jdk} (a bare {@code java.net.http} GET with
 * default settings, bytes only, no JSON: a reference) or {@code floor} (the least any client built
 * on {@code java.net.http} and Jackson does: see {@link Floor}); SCENARIO {@code calls THREADS
 * WARMUP_SECONDS MEASURE_SECONDS} ({@code playlists.list} in a loop on each thread), {@code items
 * WARMUP_WALKS MEASURE_WALKS} (every item of the 10,000-item playlist, page after page), or {@code
 * all WARMUP_SECONDS CALL_WARMUP_SECONDS CALL_SECONDS WARMUP_WALKS WALKS} (both, 1 and 8 threads,
 * after one long warm-up; keys prefixed {@code calls1_}, {@code calls8_}, {@code items_}).
 */
public final class ClientChild {

  /** The parts both clients ask for: every part of a playlist the owner may read. */
  static final List<String> PLAYLIST_PARTS =
      List.of("contentDetails", "id", "localizations", "player", "snippet", "status");

  /** The parts both clients ask for when walking the playlist. */
  static final List<String> ITEM_PARTS = List.of("contentDetails", "id", "snippet", "status");

  /** The most calls per thread, whatever the time: a bound on the loop. */
  private static final long MAX_CALLS = 10_000_000;

  /** What {@link #report} puts before each key. */
  private static String prefix = "";

  private ClientChild() {}

  /** One client's operations. */
  interface Client {
    /** One {@code playlists.list}; returns a figure taken from the answer, so it is used. */
    long listPlaylists() throws Exception;

    /** Walks every item of the playlist; returns the number of items. */
    long walkItems() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    String name = args[0];
    String scenario = args[1];
    URI base = URI.create(args[2]);
    Client client = client(name, base);
    switch (scenario) {
      case "calls" ->
          calls(
              client,
              Integer.parseInt(args[3]),
              Double.parseDouble(args[4]),
              Double.parseDouble(args[5]));
      case "items" -> items(client, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
      case "all" ->
          all(
              client,
              Double.parseDouble(args[3]),
              Double.parseDouble(args[4]),
              Double.parseDouble(args[5]),
              Integer.parseInt(args[6]),
              Integer.parseInt(args[7]));
      default -> throw new IllegalArgumentException("unknown scenario " + scenario);
    }
  }

  static Client client(String name, URI base) {
    return switch (name) {
      case "jyoutube" -> new Ours(base, false);
      case "jyoutube-pool" -> new Ours(base, true);
      case "google" -> new Google(base);
      case "jdk" -> new Jdk(base);
      case "floor" -> new Floor(base);
      default -> throw new IllegalArgumentException("unknown client " + name);
    };
  }

  /**
   * Every figure in one JVM: a long warm-up that mixes all the work (the JIT of a 2-core machine
   * needs about 30 s to settle), then for each figure a short warm-up and the measured part: {@code
   * calls1_*}, {@code calls8_*}, {@code items_*}.
   */
  private static void all(
      Client client,
      double warmup,
      double callWarmup,
      double callSeconds,
      int walkWarmup,
      int walks)
      throws Exception {
    long deadline = System.nanoTime() + (long) (warmup * 1e9);
    for (int i = 0; i < 10_000 && System.nanoTime() < deadline; i++) {
      run(client, 1, 1.0);
      check(client.walkItems());
      run(client, 8, 0.5);
    }
    prefix = "calls1_";
    calls(client, 1, callWarmup, callSeconds);
    prefix = "calls8_";
    calls(client, 8, callWarmup, callSeconds);
    prefix = "items_";
    items(client, walkWarmup, walks);
  }

  private static void calls(Client client, int threads, double warmup, double measure)
      throws Exception {
    // Warm-up, discarded. No System.gc() after it: a full collection unloads the reflection
    // accessors that the JIT compiled in, and the recompilation would land in the measured part.
    run(client, threads, warmup);
    long cpu0 = cpuNanos();
    long t0 = System.nanoTime();
    long calls = run(client, threads, measure);
    long t1 = System.nanoTime();
    long cpu1 = cpuNanos();
    report(calls, (t1 - t0) / 1e9, cpu1 - cpu0);
  }

  /** Calls from {@code threads} threads for {@code seconds}; returns the calls made. */
  private static long run(Client client, int threads, double seconds) throws Exception {
    AtomicLong total = new AtomicLong();
    AtomicLong sink = new AtomicLong();
    List<Throwable> failures = new ArrayList<>();
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                try {
                  start.await();
                  long deadline = System.nanoTime() + (long) (seconds * 1e9);
                  long n = 0;
                  long used = 0;
                  while (n < MAX_CALLS && System.nanoTime() < deadline) {
                    used += client.listPlaylists();
                    n++;
                  }
                  total.addAndGet(n);
                  sink.addAndGet(used);
                } catch (Throwable e) {
                  synchronized (failures) {
                    failures.add(e);
                  }
                }
              },
              "caller-" + t);
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("a call failed", failures.get(0));
    }
    if (sink.get() == 0 && total.get() > 0) {
      throw new IllegalStateException("empty answers");
    }
    return total.get();
  }

  private static void items(Client client, int warmupWalks, int measureWalks) throws Exception {
    for (int i = 0; i < warmupWalks; i++) {
      check(client.walkItems());
    }
    long cpu0 = cpuNanos();
    long t0 = System.nanoTime();
    long items = 0;
    for (int i = 0; i < measureWalks; i++) {
      items += check(client.walkItems());
    }
    long t1 = System.nanoTime();
    long cpu1 = cpuNanos();
    report(items, (t1 - t0) / 1e9, cpu1 - cpu0);
  }

  private static long check(long items) {
    if (items != Fixtures.PLAYLIST_ITEMS) {
      throw new IllegalStateException("walked " + items + " items, not " + Fixtures.PLAYLIST_ITEMS);
    }
    return items;
  }

  private static void report(long ops, double seconds, long cpuNanos) {
    System.out.printf(
        "%sops=%d %sseconds=%.6f %scpuNanos=%d%n", prefix, ops, prefix, seconds, prefix, cpuNanos);
  }

  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** jyoutube, built as a user would build it. */
  static final class Ours implements Client {
    private final YouTubeClient cli;

    /**
     * @param pool give the client a JDK client with the default executor (a pool thread takes every
     *     response), as jyoutube built it before it ran API calls on the selector thread: the
     *     "before" of that optimisation
     */
    Ours(URI base, boolean pool) {
      YouTubeClient.Builder builder =
          YouTubeClient.builder().accessToken("bench-token").endpoints(Endpoints.at(base));
      if (pool) {
        builder.httpClient(
            HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
      }
      cli = builder.build();
    }

    @Override
    public long listPlaylists() {
      List<Playlist> items =
          cli.playlists()
              .list()
              .part(PLAYLIST_PARTS.toArray(String[]::new))
              .mine(true)
              .execute()
              .items();
      return items.size() + items.get(items.size() - 1).snippet().title().length();
    }

    @Override
    public long walkItems() {
      long[] titles = new long[1];
      long count =
          cli
              .playlistItems()
              .list()
              .part(ITEM_PARTS.toArray(String[]::new))
              .playlistId(Fixtures.PLAYLIST_ID)
              .stream()
              .peek((PlaylistItem item) -> titles[0] += item.snippet().title().length())
              .count();
      if (titles[0] == 0) {
        throw new IllegalStateException("no titles");
      }
      return count;
    }
  }

  /** The official client, built as its documentation shows (NetHttpTransport, Gson). */
  static final class Google implements Client {
    private final YouTube youtube;

    Google(URI base) {
      youtube =
          new YouTube.Builder(
                  new NetHttpTransport(),
                  GsonFactory.getDefaultInstance(),
                  request -> request.getHeaders().setAuthorization("Bearer bench-token"))
              .setRootUrl(base.toString())
              .setApplicationName("jyoutube-bench")
              .build();
    }

    @Override
    public long listPlaylists() throws Exception {
      List<com.google.api.services.youtube.model.Playlist> items =
          youtube.playlists().list(PLAYLIST_PARTS).setMine(true).execute().getItems();
      return items.size() + items.get(items.size() - 1).getSnippet().getTitle().length();
    }

    @Override
    public long walkItems() throws Exception {
      long count = 0;
      long titles = 0;
      String token = null;
      for (int pages = 0; pages < 1_000; pages++) {
        com.google.api.services.youtube.model.PlaylistItemListResponse page =
            youtube
                .playlistItems()
                .list(ITEM_PARTS)
                .setPlaylistId(Fixtures.PLAYLIST_ID)
                .setMaxResults(50L)
                .setPageToken(token)
                .execute();
        for (com.google.api.services.youtube.model.PlaylistItem item : page.getItems()) {
          titles += item.getSnippet().getTitle().length();
          count++;
        }
        token = page.getNextPageToken();
        if (token == null) {
          break;
        }
      }
      if (titles == 0) {
        throw new IllegalStateException("no titles");
      }
      return count;
    }
  }

  /** The playlists.list request both bare clients send, as the other two send it. */
  private static URI playlistsUri(URI base) {
    return base.resolve(
        "youtube/v3/playlists?part=" + String.join(",", PLAYLIST_PARTS) + "&mine=true");
  }

  /** One page of the playlist's items; {@code token} null for the first. */
  private static URI itemsUri(URI base, String token) {
    return base.resolve(
        "youtube/v3/playlistItems?part="
            + String.join(",", ITEM_PARTS)
            + "&maxResults=50&playlistId="
            + Fixtures.PLAYLIST_ID
            + (token == null ? "" : "&pageToken=" + token));
  }

  /** The reference: java.net.http with its defaults, the body as bytes, no JSON. */
  static final class Jdk implements Client {
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI playlists;
    private final URI base;

    Jdk(URI base) {
      this.base = base;
      playlists = playlistsUri(base);
    }

    @Override
    public long listPlaylists() throws Exception {
      return get(playlists).length;
    }

    @Override
    public long walkItems() throws Exception {
      // Bytes only: the page token is found by text search, the items are not decoded.
      long count = 0;
      String token = null;
      for (int pages = 0; pages < 1_000; pages++) {
        String body =
            new String(get(itemsUri(base, token)), java.nio.charset.StandardCharsets.UTF_8);
        count += Fixtures.ITEMS_PER_PAGE;
        int at = body.indexOf("\"nextPageToken\":\"");
        if (at < 0) {
          break;
        }
        at += 17;
        token = body.substring(at, body.indexOf('"', at));
      }
      return count;
    }

    private byte[] get(URI uri) throws Exception {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(uri)
                  .header("Authorization", "Bearer bench-token")
                  .version(HttpClient.Version.HTTP_1_1)
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("status " + response.statusCode());
      }
      return response.body();
    }
  }

  /**
   * The floor under jyoutube's design: {@code java.net.http} set up as jyoutube sets it up (its
   * tasks on the selector thread, HTTP/1.1, gzip asked for, a request timeout), the gzip body
   * inflated in one pass and every token of the JSON read with Jackson's streaming parser, every
   * string and number taken, but nothing built from them. A client on the same HTTP client and JSON
   * parser that returns typed answers cannot do less work per call.
   */
  static final class Floor implements Client {
    private static final JsonFactory JSON = new JsonFactory();
    private final HttpClient http =
        HttpClient.newBuilder()
            .executor(Runnable::run)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(java.time.Duration.ofSeconds(10))
            .build();
    private final URI playlists;
    private final URI base;

    Floor(URI base) {
      this.base = base;
      playlists = playlistsUri(base);
    }

    @Override
    public long listPlaylists() throws Exception {
      return walk(get(playlists), null);
    }

    @Override
    public long walkItems() throws Exception {
      long count = 0;
      String[] token = new String[2];
      for (int pages = 0; pages < 1_000; pages++) {
        token[0] = null;
        walk(get(itemsUri(base, pages == 0 ? null : token[1])), token);
        count += Fixtures.ITEMS_PER_PAGE;
        if (token[0] == null) {
          break;
        }
        token[1] = token[0];
      }
      return count;
    }

    /** Reads every token; sets {@code token[0]} to the top-level nextPageToken, if asked. */
    private static long walk(byte[] json, String[] token) throws Exception {
      long sum = 0;
      try (JsonParser parser = JSON.createParser(json)) {
        for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
          if (t == JsonToken.VALUE_STRING) {
            String text = parser.getText();
            sum += text.length();
            if (token != null
                && parser.getParsingContext().getParent().inRoot()
                && "nextPageToken".equals(parser.currentName())) {
              token[0] = text;
            }
          } else if (t == JsonToken.VALUE_NUMBER_INT) {
            sum += parser.getLongValue();
          }
        }
      }
      return sum;
    }

    private byte[] get(URI uri) throws Exception {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(uri)
                  .header("Authorization", "Bearer bench-token")
                  .header("Accept-Encoding", "gzip")
                  .timeout(java.time.Duration.ofSeconds(60))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("status " + response.statusCode());
      }
      byte[] body = response.body();
      return response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")
          ? gunzip(body)
          : body;
    }

    /** One pass into an array of the size the trailer states; the fixture writes bare headers. */
    private static byte[] gunzip(byte[] gzipped) throws DataFormatException {
      int length =
          (gzipped[gzipped.length - 4] & 0xff)
              | (gzipped[gzipped.length - 3] & 0xff) << 8
              | (gzipped[gzipped.length - 2] & 0xff) << 16
              | (gzipped[gzipped.length - 1] & 0xff) << 24;
      byte[] out = new byte[length + 1];
      Inflater inflater = new Inflater(true);
      try {
        inflater.setInput(gzipped, 10, gzipped.length - 18);
        int size = 0;
        while (!inflater.finished()) {
          int n = inflater.inflate(out, size, out.length - size);
          if (n == 0 && inflater.needsInput()) {
            throw new IllegalStateException("truncated gzip body");
          }
          size += n;
        }
        return Arrays.copyOf(out, size);
      } finally {
        inflater.end();
      }
    }
  }
}
