package io.github.jyoutube.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback server of Google's resumable upload protocol for the benchmark: opens sessions at
 * {@code /upload/youtube/v3/videos?uploadType=resumable}, takes chunks with {@code Content-Range}
 * (308 with {@code Range}, then 201 with a video resource), and takes a bare {@code PUT /bare}. It
 * keeps only a count and a SHA-256 per upload, so that the client side can be compared byte for
 * byte with the file.
 */
final class BenchServer implements AutoCloseable {

  static {
    // Without TCP_NODELAY every response of the JDK server waits ~40 ms for a delayed ACK.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
  private static final Pattern QUERY = Pattern.compile("bytes \\*/(\\d+|\\*)");

  /** What one upload left on the server. */
  static final class Upload {
    private final MessageDigest digest = newDigest();
    private long held;
    private long total = -1;
    private String sha256;

    synchronized long held() {
      return held;
    }

    synchronized String sha256() {
      return sha256;
    }

    private synchronized void finish() {
      if (sha256 == null) {
        sha256 = HexFormat.of().formatHex(digest.digest());
      }
    }
  }

  private final HttpServer server;
  private final ExecutorService pool;
  private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  /** A server of its own, on an ephemeral loopback port, started. */
  BenchServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    pool = Executors.newCachedThreadPool();
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * The upload endpoints ({@code /upload/} and {@code /bare}) on a server that someone else owns
   * and starts, such as the {@link FixtureServer}'s; closing this leaves that server running.
   */
  BenchServer(HttpServer shared) {
    server = shared;
    pool = null;
    server.createContext("/upload/", this::handle);
    server.createContext("/bare", this::handle);
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** The upload with this id (from the video's {@code id} or the bare PUT's answer). */
  Upload upload(String id) {
    return uploads.get(id);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
      String method = exchange.getRequestMethod();
      if (uri.getPath().equals("/bare") && method.equals("PUT")) {
        String id = "bare-" + ids.incrementAndGet();
        Upload upload = new Upload();
        uploads.put(id, upload);
        receive(exchange.getRequestBody(), upload);
        upload.finish();
        reply(exchange, 200, "{\"id\":\"" + id + "\"}");
      } else if (query.contains("upload_id=")) {
        chunk(exchange, query.substring(query.indexOf("upload_id=") + 10));
      } else if (query.contains("uploadType=resumable")) {
        exchange.getRequestBody().readAllBytes();
        String id = "v-" + ids.incrementAndGet();
        Upload upload = new Upload();
        String declared = exchange.getRequestHeaders().getFirst("X-Upload-Content-Length");
        upload.total = declared == null ? -1 : Long.parseLong(declared);
        uploads.put(id, upload);
        exchange
            .getResponseHeaders()
            .add(
                "Location",
                baseUri().resolve(uri.getPath()) + "?uploadType=resumable&upload_id=" + id);
        exchange.sendResponseHeaders(200, -1);
      } else {
        exchange.getRequestBody().readAllBytes();
        reply(exchange, 404, "{\"error\":{\"code\":404,\"message\":\"not found\"}}");
      }
    }
  }

  private void chunk(HttpExchange exchange, String id) throws IOException {
    Upload upload = uploads.get(id);
    String range = exchange.getRequestHeaders().getFirst("Content-Range");
    if (upload == null) {
      exchange.getRequestBody().readAllBytes();
      reply(exchange, 404, "{\"error\":{\"code\":404,\"message\":\"no session\"}}");
      return;
    }
    Matcher query = range == null ? null : QUERY.matcher(range);
    if (query != null && query.matches()) {
      exchange.getRequestBody().readAllBytes();
      if (!query.group(1).equals("*")) {
        upload.total = Long.parseLong(query.group(1));
      }
    } else {
      Matcher chunk = range == null ? null : RANGE.matcher(range);
      if (chunk != null && !chunk.matches()) {
        exchange.getRequestBody().readAllBytes();
        reply(exchange, 400, "{\"error\":{\"code\":400,\"message\":\"bad Content-Range\"}}");
        return;
      }
      long first = chunk == null ? 0 : Long.parseLong(chunk.group(1));
      if (first != upload.held()) {
        exchange.getRequestBody().readAllBytes();
        reply(exchange, 400, "{\"error\":{\"code\":400,\"message\":\"wrong offset\"}}");
        return;
      }
      receive(exchange.getRequestBody(), upload);
      if (chunk == null) {
        upload.total = upload.held();
      } else if (!chunk.group(3).equals("*")) {
        upload.total = Long.parseLong(chunk.group(3));
      }
    }
    if (upload.total >= 0 && upload.held() == upload.total) {
      upload.finish();
      reply(exchange, 201, "{\"kind\":\"youtube#video\",\"id\":\"" + id + "\"}");
      return;
    }
    if (upload.held() > 0) {
      exchange.getResponseHeaders().add("Range", "bytes=0-" + (upload.held() - 1));
    }
    exchange.sendResponseHeaders(308, -1);
  }

  private static void receive(InputStream body, Upload upload) throws IOException {
    byte[] buffer = new byte[1 << 16];
    synchronized (upload) {
      for (int n; (n = body.read(buffer)) >= 0; ) {
        upload.digest.update(buffer, 0, n);
        upload.held += n;
      }
    }
  }

  private static void reply(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      server.stop(0);
      pool.shutdownNow();
    }
  }
}
