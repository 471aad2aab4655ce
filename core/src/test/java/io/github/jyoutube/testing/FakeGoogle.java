package io.github.jyoutube.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.jyoutube.Endpoints;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A loopback HTTP server that impersonates Google's OAuth and Data API endpoints at the paths
 * {@link Endpoints#at(URI)} uses. Tests script answers per path and read back every request.
 */
public final class FakeGoogle implements AutoCloseable {

  /** A request as received. */
  public record Received(
      String method,
      String path,
      Map<String, String> query,
      Map<String, String> headers,
      String body) {

    /** The form fields of an {@code application/x-www-form-urlencoded} body. */
    public Map<String, String> form() {
      return parse(body);
    }

    /** A header by lower-case name, or null. */
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** An answer to send. */
  public record Reply(int status, Map<String, String> headers, byte[] body, long delayMillis) {

    /** A JSON answer. */
    public static Reply json(int status, String json) {
      return new Reply(
          status, Map.of("Content-Type", "application/json; charset=UTF-8"), bytes(json), 0);
    }

    /** A plain answer with the given content type. */
    public static Reply of(int status, String contentType, String body) {
      return new Reply(status, Map.of("Content-Type", contentType), bytes(body), 0);
    }

    /** This answer with one more header. */
    public Reply header(String name, String value) {
      Map<String, String> copy = new LinkedHashMap<>(headers);
      copy.put(name, value);
      return new Reply(status, copy, body, delayMillis);
    }

    /** This answer, sent after a pause. */
    public Reply delayed(long millis) {
      return new Reply(status, headers, body, millis);
    }
  }

  static {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed ACK: about 40 ms per response.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Reply>> scripted = new ConcurrentHashMap<>();
  private final Map<String, Function<Received, Reply>> defaults = new ConcurrentHashMap<>();

  private FakeGoogle() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a fake on a free loopback port. */
  public static FakeGoogle start() {
    try {
      return new FakeGoogle();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The base URI, for {@link Endpoints#at(URI)}. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** Endpoints under this fake. */
  public Endpoints endpoints() {
    return Endpoints.at(baseUri());
  }

  /** Queues answers for {@code path} (such as {@code /token}), sent once each, in order. */
  public FakeGoogle enqueue(String path, Reply... replies) {
    Deque<Reply> queue = scripted.computeIfAbsent(path, p -> new ArrayDeque<>());
    synchronized (queue) {
      queue.addAll(List.of(replies));
    }
    return this;
  }

  /** Answers every request to {@code path} that has no queued answer. */
  public FakeGoogle otherwise(String path, Function<Received, Reply> responder) {
    defaults.put(path, responder);
    return this;
  }

  /** Every request received, in order. */
  public List<Received> received() {
    return List.copyOf(received);
  }

  /** The requests received for {@code path}. */
  public List<Received> received(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      Map<String, String> headers = new LinkedHashMap<>();
      exchange
          .getRequestHeaders()
          .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Received request =
          new Received(
              exchange.getRequestMethod(), uri.getPath(), parse(uri.getRawQuery()), headers, body);
      received.add(request);
      Reply reply = next(request);
      if (reply.delayMillis() > 0) {
        Thread.sleep(reply.delayMillis());
      }
      reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      boolean empty = reply.body().length == 0 || reply.status() == 304 || reply.status() == 204;
      exchange.sendResponseHeaders(reply.status(), empty ? -1 : reply.body().length);
      if (!empty) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(reply.body());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Reply next(Received request) {
    Deque<Reply> queue = scripted.get(request.path());
    if (queue != null) {
      synchronized (queue) {
        Reply reply = queue.poll();
        if (reply != null) {
          return reply;
        }
      }
    }
    Function<Received, Reply> responder = defaults.get(request.path());
    if (responder != null) {
      return responder.apply(request);
    }
    return Reply.json(
        404, "{\"error\":{\"code\":404,\"message\":\"no fake for " + request.path() + "\"}}");
  }

  static Map<String, String> parse(String raw) {
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

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
