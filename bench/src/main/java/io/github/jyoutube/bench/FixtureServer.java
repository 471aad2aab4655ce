package io.github.jyoutube.bench;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * The loopback fixture of the side-by-side benchmark, in a JVM of its own (so that its CPU is not
 * counted as the client's): the JDK's {@code com.sun.net.httpserver} with {@code TCP_NODELAY}, a
 * fixed pool of threads, answering like the Data API.
 *
 * <ul>
 *   <li>{@code GET /youtube/v3/playlists}: 25 playlists ({@link Fixtures#playlistsPage()}, ~22 KB);
 *   <li>{@code GET /youtube/v3/playlistItems?playlistId=...&pageToken=...}: the 10,000 items of
 *       {@link Fixtures#PLAYLIST_ID}, 50 a page, linked by {@code nextPageToken} (~52 KB a page);
 *   <li>the resumable upload endpoint and a bare {@code PUT /bare} ({@link BenchServer});
 *   <li>{@code GET /bench/upload?id=...}: what an upload left, {@code held=N sha256=HEX}, for the
 *       harness's check.
 * </ul>
 *
 * <p>Bodies are prepared once, plain and gzipped; gzip is sent when the request's {@code
 * Accept-Encoding} names it. Every API call must carry {@code Authorization: Bearer ...} and a
 * {@code part} (401 and 400 otherwise), as Google's would require.
 *
 * <p>Arguments: {@code [--threads 8]}. Prints {@code port=N} once listening, and stops when its
 * standard input closes.
 */
public final class FixtureServer {

  static {
    // Without TCP_NODELAY every response of the JDK server waits ~40 ms for a delayed ACK.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final Body playlists = new Body(Fixtures.playlistsPage());
  private final Body[] items = new Body[Fixtures.playlistItemsPages()];
  private final HttpServer server;
  private final ExecutorService pool;
  private final BenchServer uploads;

  private FixtureServer(int threads) throws IOException {
    for (int i = 0; i < items.length; i++) {
      items[i] = new Body(Fixtures.playlistItemsPage(i));
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    pool = Executors.newFixedThreadPool(threads);
    server.setExecutor(pool);
    server.createContext("/youtube/v3/", this::api);
    server.createContext("/bench/upload", this::uploadStatus);
    uploads = new BenchServer(server);
    server.start();
  }

  public static void main(String[] args) throws Exception {
    int threads = 8;
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (args[i].equals("--threads")) {
        threads = Integer.parseInt(args[i + 1]);
      } else {
        throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    FixtureServer fixture = new FixtureServer(threads);
    System.out.println(
        "port="
            + fixture.server.getAddress().getPort()
            + " playlistsBytes="
            + fixture.playlists.plain.length
            + " playlistsGzipBytes="
            + fixture.playlists.gzip.length
            + " itemsPageBytes="
            + fixture.items[0].plain.length
            + " itemsPageGzipBytes="
            + fixture.items[0].gzip.length);
    System.out.flush();
    try (InputStream in = System.in) {
      while (in.read() >= 0) {
        // runs until the harness closes our standard input
      }
    }
    fixture.server.stop(0);
    fixture.pool.shutdownNow();
  }

  private void api(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      String path = exchange.getRequestURI().getPath();
      Headers request = exchange.getRequestHeaders();
      String authorization = request.getFirst("Authorization");
      if (authorization == null || !authorization.startsWith("Bearer ")) {
        error(exchange, 401, "Login Required.");
        return;
      }
      if (query.get("part") == null) {
        error(exchange, 400, "Required parameter: part");
        return;
      }
      boolean gzip = accepts(request.getFirst("Accept-Encoding"));
      switch (path) {
        case "/youtube/v3/playlists" -> send(exchange, playlists, gzip);
        case "/youtube/v3/playlistItems" -> {
          if (!Fixtures.PLAYLIST_ID.equals(query.get("playlistId"))) {
            error(exchange, 404, "playlistNotFound");
            return;
          }
          int page = Fixtures.pageIndex(query.get("pageToken"));
          if (page < 0 || page >= items.length) {
            error(exchange, 400, "invalidPageToken");
            return;
          }
          send(exchange, items[page], gzip);
        }
        default -> error(exchange, 404, "notFound");
      }
    }
  }

  private void uploadStatus(HttpExchange exchange) throws IOException {
    try (exchange) {
      String id = query(exchange.getRequestURI().getRawQuery()).get("id");
      BenchServer.Upload upload = id == null ? null : uploads.upload(id);
      byte[] body =
          (upload == null
                  ? "held=-1 sha256=none"
                  : "held=" + upload.held() + " sha256=" + upload.sha256())
              .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private static void send(HttpExchange exchange, Body body, boolean gzip) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    // Roughly the headers Google's front end sends with a Data API answer.
    headers.add("Content-Type", "application/json; charset=UTF-8");
    headers.add("Vary", "Origin");
    headers.add("Vary", "X-Origin");
    headers.add("Vary", "Referer");
    headers.add("Server", "ESF");
    headers.add("Cache-Control", "private");
    headers.add("X-XSS-Protection", "0");
    headers.add("X-Frame-Options", "SAMEORIGIN");
    headers.add("X-Content-Type-Options", "nosniff");
    byte[] bytes = body.plain;
    if (gzip) {
      headers.add("Content-Encoding", "gzip");
      bytes = body.gzip;
    }
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void error(HttpExchange exchange, int status, String message) throws IOException {
    byte[] bytes =
        ("{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\"}}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static boolean accepts(String acceptEncoding) {
    return acceptEncoding != null && acceptEncoding.toLowerCase().contains("gzip");
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> values = new HashMap<>();
    if (raw == null) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      values.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return values;
  }

  /** A body, plain and gzipped. */
  private static final class Body {
    final byte[] plain;
    final byte[] gzip;

    Body(String json) {
      plain = json.getBytes(StandardCharsets.UTF_8);
      ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4);
      try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
        zip.write(plain);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      gzip = out.toByteArray();
    }
  }
}
