package io.github.jyoutube.media;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.jyoutube.Endpoints;
import io.github.jyoutube.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * A loopback server that speaks Google's resumable upload protocol, at the paths {@link
 * Endpoints#at(URI)} uses, and can be told to fail.
 *
 * <p>It opens a session on {@code POST} or {@code PUT …/upload/youtube/v3/<path>?uploadType=
 * resumable}, answering with the session URI in {@code Location}; takes chunks by {@code PUT} with
 * {@code Content-Range}, keeping for each session the count and a running SHA-256 of the bytes it
 * holds (never the bytes, so that it holds gigabytes in no memory); answers {@code 308} with {@code
 * Range: bytes=0-N}, and {@code 201} with the metadata (plus an {@code id}) as JSON once it holds
 * the total. A chunk that does not start where the session ends is refused with 400, so that a
 * client that miscounts fails loudly.
 *
 * <p>Faults queued with {@link #onChunk} apply to the next chunk {@code PUT}s, in order: a
 * connection cut after part of the body, an error status, a 308 that keeps only part of the chunk,
 * an expired session. It also serves {@code /token} (handing out {@link #nextToken}), rejects every
 * bearer token but {@link #acceptToken} with 401, and serves downloads registered with {@link
 * #serve}.
 */
final class ResumableFixture implements AutoCloseable {

  static {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed ACK: about 40 ms per response.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final String UPLOAD_PREFIX = "/upload/youtube/v3/";
  private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
  private static final Pattern QUERY = Pattern.compile("bytes \\*/(\\d+|\\*)");

  /** What kind of request the fixture saw. */
  enum Kind {
    INITIATE,
    CHUNK,
    STATUS,
    TOKEN,
    DOWNLOAD,
    OTHER
  }

  /** A request as received. */
  record Request(
      Kind kind,
      String method,
      String path,
      Map<String, String> query,
      Map<String, String> headers,
      long bodyBytes) {

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** A failure to inject into one chunk {@code PUT}. */
  sealed interface Fault {}

  /** Read {@code bytes} of the body, keep them, and drop the connection without an answer. */
  record Cut(long bytes) implements Fault {}

  /** Read the body, keep none of it, answer {@code status} with Google's error body. */
  record Status(int status, String reason) implements Fault {}

  /** Read the body, keep only its first {@code bytes}, answer 308 with the shorter Range. */
  record KeepOnly(long bytes) implements Fault {}

  /** The session expires now: this and every later request to it answer {@code status}. */
  record Expire(int status) implements Fault {}

  /** No fault: the chunk goes through. */
  record Pass() implements Fault {}

  /**
   * Read the body, keep none of it, and claim to hold {@code held} bytes: the session's count is
   * set to it and a 308 says so, true or not (a server that takes back what it acknowledged).
   */
  record Claim(long held) implements Fault {}

  static Fault pass() {
    return new Pass();
  }

  static Fault cutAfter(long bytes) {
    return new Cut(bytes);
  }

  static Fault status(int status) {
    return new Status(status, status >= 500 ? "backendError" : "badRequest");
  }

  static Fault keepOnly(long bytes) {
    return new KeepOnly(bytes);
  }

  static Fault expire(int status) {
    return new Expire(status);
  }

  static Fault claim(long held) {
    return new Claim(held);
  }

  /** One upload session and what it holds. */
  static final class Session {
    final String id;
    final String path;
    final String metadata;
    final String declaredType;
    final long declaredLength;
    private final MessageDigest digest = sha256Digest();
    private volatile long held;
    private volatile long total = -1;
    private volatile boolean complete;
    private volatile int expiredStatus;
    private volatile String responseJson;
    private volatile String sha256;

    Session(String id, String path, String metadata, String declaredType, long declaredLength) {
      this.id = id;
      this.path = path;
      this.metadata = metadata;
      this.declaredType = declaredType;
      this.declaredLength = declaredLength;
      this.total = declaredLength;
    }

    long held() {
      return held;
    }

    boolean complete() {
      return complete;
    }

    /** The SHA-256 of the bytes held, hex; final once complete. */
    synchronized String sha256() {
      if (sha256 != null) {
        return sha256;
      }
      try {
        return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
      } catch (CloneNotSupportedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A download body: fixed bytes, or generated on the fly. */
  record Download(byte[] bytes, long length, int seed, boolean gzip, int status) {}

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Deque<Fault> chunkFaults = new ArrayDeque<>();
  private final Deque<Integer> initiationStatuses = new ArrayDeque<>();
  private final Deque<Integer> downloadStatuses = new ArrayDeque<>();
  private final Map<String, Download> downloads = new ConcurrentHashMap<>();
  private final AtomicInteger sessionCount = new AtomicInteger();
  private final AtomicLong chunkBytesReceived = new AtomicLong();
  private volatile String acceptToken;
  private volatile String nextToken = "ya29.fresh";

  private ResumableFixture() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  static ResumableFixture start() {
    try {
      return new ResumableFixture();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  Endpoints endpoints() {
    return Endpoints.at(baseUri());
  }

  /** Queues faults for the next chunk {@code PUT}s (status queries are never faulted). */
  ResumableFixture onChunk(Fault... faults) {
    synchronized (chunkFaults) {
      chunkFaults.addAll(List.of(faults));
    }
    return this;
  }

  /** Answers the next session-opening requests with these statuses instead of opening one. */
  ResumableFixture onInitiate(Integer... statuses) {
    synchronized (initiationStatuses) {
      initiationStatuses.addAll(List.of(statuses));
    }
    return this;
  }

  /** Answers the next downloads with these error statuses. */
  ResumableFixture onDownload(Integer... statuses) {
    synchronized (downloadStatuses) {
      downloadStatuses.addAll(List.of(statuses));
    }
    return this;
  }

  /** Only this bearer token is accepted from now on; {@code null} accepts any. */
  ResumableFixture acceptToken(String token) {
    this.acceptToken = token;
    return this;
  }

  /** The access token {@code /token} hands out. */
  ResumableFixture nextToken(String token) {
    this.nextToken = token;
    return this;
  }

  /** Serves {@code bytes} at {@code path} ({@code GET}). */
  ResumableFixture serve(String path, byte[] bytes, boolean gzip) {
    downloads.put(path, new Download(bytes, bytes.length, 0, gzip, 200));
    return this;
  }

  /** Serves {@code length} generated bytes ({@link TestData#stream}) at {@code path}. */
  ResumableFixture serveGenerated(String path, long length, int seed) {
    downloads.put(path, new Download(null, length, seed, false, 200));
    return this;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  List<Request> requests(Kind kind) {
    return requests.stream().filter(r -> r.kind() == kind).toList();
  }

  List<Session> sessions() {
    return sessions.values().stream()
        .sorted((a, b) -> Integer.compare(number(a.id), number(b.id)))
        .toList();
  }

  /** The one completed session. */
  Session completed() {
    List<Session> done = sessions.values().stream().filter(Session::complete).toList();
    if (done.size() != 1) {
      throw new AssertionError("expected one completed session, found " + done.size());
    }
    return done.get(0);
  }

  /** Every media byte received in chunk bodies, kept or not. */
  long chunkBytesReceived() {
    return chunkBytesReceived.get();
  }

  private static int number(String id) {
    return Integer.parseInt(id.substring(id.indexOf('-') + 1));
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      URI uri = exchange.getRequestURI();
      Map<String, String> query = parse(uri.getRawQuery());
      Map<String, String> headers = new LinkedHashMap<>();
      exchange
          .getRequestHeaders()
          .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
      String path = uri.getPath();
      if (path.equals("/token")) {
        byte[] body = exchange.getRequestBody().readAllBytes();
        requests.add(new Request(Kind.TOKEN, "POST", path, query, headers, body.length));
        json(
            exchange,
            200,
            "{\"access_token\":\""
                + nextToken
                + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
        return;
      }
      String token = acceptToken;
      String authorization = headers.get("authorization");
      if (token != null && !("Bearer " + token).equals(authorization)) {
        long n = drain(exchange.getRequestBody());
        requests.add(new Request(Kind.OTHER, exchange.getRequestMethod(), path, query, headers, n));
        json(exchange, 401, error(401, "authError", "Invalid Credentials"));
        return;
      }
      if (path.startsWith(UPLOAD_PREFIX) && query.containsKey("upload_id")) {
        session(exchange, query, headers);
      } else if (path.startsWith(UPLOAD_PREFIX) && "resumable".equals(query.get("uploadType"))) {
        initiate(exchange, path, query, headers);
      } else if (exchange.getRequestMethod().equals("GET") && downloads.containsKey(path)) {
        requests.add(new Request(Kind.DOWNLOAD, "GET", path, query, headers, 0));
        Integer failure;
        synchronized (downloadStatuses) {
          failure = downloadStatuses.poll();
        }
        if (failure != null) {
          json(exchange, failure, error(failure, "backendError", "scripted"));
        } else {
          download(exchange, downloads.get(path));
        }
      } else {
        long n = drain(exchange.getRequestBody());
        requests.add(new Request(Kind.OTHER, exchange.getRequestMethod(), path, query, headers, n));
        json(exchange, 404, error(404, "notFound", "no fixture for " + path));
      }
    } finally {
      exchange.close();
    }
  }

  private void initiate(
      HttpExchange exchange, String path, Map<String, String> query, Map<String, String> headers)
      throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    requests.add(
        new Request(Kind.INITIATE, exchange.getRequestMethod(), path, query, headers, body.length));
    Integer scripted;
    synchronized (initiationStatuses) {
      scripted = initiationStatuses.poll();
    }
    if (scripted != null) {
      json(exchange, scripted, error(scripted, scripted >= 500 ? "backendError" : "x", "scripted"));
      return;
    }
    String declared = headers.get("x-upload-content-length");
    String id = "s-" + sessionCount.incrementAndGet();
    Session session =
        new Session(
            id,
            path,
            new String(body, StandardCharsets.UTF_8),
            headers.get("x-upload-content-type"),
            declared == null ? -1 : Long.parseLong(declared));
    sessions.put(id, session);
    String location =
        baseUri().resolve(path)
            + "?uploadType=resumable"
            + (query.containsKey("part") ? "&part=" + query.get("part") : "")
            + "&upload_id="
            + id;
    exchange.getResponseHeaders().add("Location", location);
    exchange.getResponseHeaders().add("Content-Type", "text/plain");
    exchange.sendResponseHeaders(200, -1);
  }

  private void session(
      HttpExchange exchange, Map<String, String> query, Map<String, String> headers)
      throws IOException {
    Session session = sessions.get(query.get("upload_id"));
    String range = headers.get("content-range");
    InputStream body = exchange.getRequestBody();
    boolean status = range != null && QUERY.matcher(range).matches();
    if (session == null || !exchange.getRequestMethod().equals("PUT")) {
      long n = drain(body);
      requests.add(new Request(Kind.OTHER, exchange.getRequestMethod(), "", query, headers, n));
      json(exchange, 404, error(404, "notFound", "no such session"));
      return;
    }
    if (session.expiredStatus != 0) {
      long n = drain(body);
      requests.add(
          new Request(status ? Kind.STATUS : Kind.CHUNK, "PUT", session.path, query, headers, n));
      json(exchange, session.expiredStatus, error(session.expiredStatus, "notFound", "expired"));
      return;
    }
    if (status) {
      long n = drain(body);
      requests.add(new Request(Kind.STATUS, "PUT", session.path, query, headers, n));
      Matcher matcher = QUERY.matcher(range);
      matcher.matches();
      if (!matcher.group(1).equals("*")) {
        long total = Long.parseLong(matcher.group(1));
        synchronized (session) {
          session.total = total;
          if (session.held == total) {
            session.complete = true;
          }
        }
      }
      answer(exchange, session);
      return;
    }
    Fault fault;
    synchronized (chunkFaults) {
      fault = chunkFaults.poll();
    }
    long first;
    long expected;
    long total;
    if (range == null) {
      // One request with the whole media and no Content-Range.
      first = 0;
      expected = -1;
      total = -1;
    } else {
      Matcher matcher = RANGE.matcher(range);
      if (!matcher.matches()) {
        long n = drain(body);
        requests.add(new Request(Kind.CHUNK, "PUT", session.path, query, headers, n));
        json(exchange, 400, error(400, "badContentRange", "bad Content-Range: " + range));
        return;
      }
      first = Long.parseLong(matcher.group(1));
      expected = Long.parseLong(matcher.group(2)) - first + 1;
      total = matcher.group(3).equals("*") ? -1 : Long.parseLong(matcher.group(3));
    }
    if (first != session.held) {
      long n = drain(body);
      requests.add(new Request(Kind.CHUNK, "PUT", session.path, query, headers, n));
      json(
          exchange,
          400,
          error(400, "badContentRange", "chunk starts at " + first + ", held " + session.held));
      return;
    }
    if (fault instanceof Expire expire) {
      session.expiredStatus = expire.status();
      long n = drain(body);
      requests.add(new Request(Kind.CHUNK, "PUT", session.path, query, headers, n));
      json(exchange, expire.status(), error(expire.status(), "notFound", "expired"));
      return;
    }
    long keepLimit = Long.MAX_VALUE;
    if (fault instanceof KeepOnly keep) {
      keepLimit = keep.bytes();
    } else if (fault instanceof Status || fault instanceof Claim) {
      keepLimit = 0;
    } else if (fault instanceof Cut cut) {
      keepLimit = cut.bytes();
    }
    long readLimit = fault instanceof Cut cut ? cut.bytes() : Long.MAX_VALUE;
    long received = receive(body, session, keepLimit, readLimit);
    chunkBytesReceived.addAndGet(received);
    requests.add(new Request(Kind.CHUNK, "PUT", session.path, query, headers, received));
    if (fault instanceof Cut) {
      // Drop the connection without an answer: closing an exchange whose answer has not begun
      // closes the socket.
      return;
    }
    if (expected >= 0 && received != expected) {
      json(exchange, 400, error(400, "badContentRange", "length " + received + " != " + range));
      return;
    }
    if (fault instanceof Status s) {
      json(exchange, s.status(), error(s.status(), s.reason(), "scripted failure"));
      return;
    }
    if (fault instanceof Claim c) {
      session.held = c.held();
      answer(exchange, session);
      return;
    }
    synchronized (session) {
      if (total >= 0) {
        session.total = total;
      } else if (range == null) {
        session.total = session.held;
      }
      if (session.total >= 0 && session.held == session.total) {
        session.complete = true;
      }
    }
    answer(exchange, session);
  }

  /** Reads the body, keeping up to {@code keep} bytes in the session; returns the bytes read. */
  private static long receive(InputStream body, Session session, long keep, long limit)
      throws IOException {
    byte[] buffer = new byte[65536];
    long read = 0;
    synchronized (session) {
      while (read < limit) {
        int n = body.read(buffer, 0, (int) Math.min(buffer.length, limit - read));
        if (n < 0) {
          break;
        }
        long keepHere = Math.max(0, Math.min(n, keep - read));
        if (keepHere > 0) {
          session.digest.update(buffer, 0, (int) keepHere);
          session.held += keepHere;
        }
        read += n;
      }
    }
    return read;
  }

  private void answer(HttpExchange exchange, Session session) throws IOException {
    if (session.complete) {
      synchronized (session) {
        if (session.responseJson == null) {
          session.sha256 = HexFormat.of().formatHex(session.digest.digest());
          session.responseJson = resource(session);
        }
      }
      json(exchange, 201, session.responseJson);
      return;
    }
    if (session.held > 0) {
      exchange.getResponseHeaders().add("Range", "bytes=0-" + (session.held - 1));
    }
    exchange.sendResponseHeaders(308, -1);
  }

  @SuppressWarnings("unchecked")
  private static String resource(Session session) {
    Map<String, Object> node =
        session.metadata.isBlank()
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>((Map<String, Object>) Json.tree(session.metadata));
    node.put("id", "id-" + session.id);
    node.putIfAbsent("kind", "youtube#" + session.path.substring(UPLOAD_PREFIX.length()));
    return Json.write(node);
  }

  private static void download(HttpExchange exchange, Download download) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
    if (download.gzip()) {
      exchange.getResponseHeaders().add("Content-Encoding", "gzip");
      exchange.sendResponseHeaders(download.status(), 0);
      try (OutputStream out = new GZIPOutputStream(exchange.getResponseBody())) {
        out.write(download.bytes());
      }
      return;
    }
    exchange.sendResponseHeaders(download.status(), download.length());
    try (OutputStream out = exchange.getResponseBody()) {
      if (download.bytes() != null) {
        out.write(download.bytes());
      } else {
        TestData.stream(download.length(), download.seed()).transferTo(out);
      }
    }
  }

  private static void json(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static String error(int code, String reason, String message) {
    return "{\"error\":{\"code\":"
        + code
        + ",\"message\":\""
        + message
        + "\",\"errors\":[{\"message\":\""
        + message
        + "\",\"domain\":\"global\",\"reason\":\""
        + reason
        + "\"}]}}";
  }

  private static long drain(InputStream in) throws IOException {
    byte[] buffer = new byte[65536];
    long total = 0;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      total += n;
    }
    return total;
  }

  private static Map<String, String> parse(String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.put(name, value);
    }
    return params;
  }

  static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
