package io.github.jyoutube.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.jyoutube.http.SlowClientGuard;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The receiving end of the loopback flow for installed apps (RFC 8252, section 7.3): an HTTP server
 * bound to {@code 127.0.0.1} only, on a free port, whose redirect URI is {@code
 * http://127.0.0.1:PORT/}.
 *
 * <p>It accepts one redirect: the first request to {@code /} whose {@code state} is the one {@link
 * #expectState expected}. A request with another state, or none, is refused with 400 and changes
 * nothing (the client checks the state again when it exchanges the code). The browser that brought
 * the redirect waits for {@link #finish} and then sees a small page saying whether the sign-in
 * worked; {@link #close()} then shuts the server down, so later requests are refused by the
 * operating system.
 *
 * <p>Other clients on the machine cannot keep the redirect out: a client has 10 seconds to send its
 * whole request once it started, or it is disconnected, and when every thread is busy the newest
 * request is served first, on the thread of the client that has been sending the longest.
 *
 * <pre>{@code
 * try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
 *   AuthorizationUrl auth = cli.getAuthorizeUrl(
 *       AuthorizationOptions.builder().redirectUri(receiver.redirectUri()).build());
 *   receiver.expectState(auth.state());
 *   // open auth.uri() in a browser
 *   String redirect = receiver.awaitRedirect(Duration.ofMinutes(5));
 *   cli.generateAccessToken(redirect);
 *   receiver.finish(true, "Signed in. You can close this window.");
 * }
 * }</pre>
 */
public final class LoopbackReceiver implements AutoCloseable {

  /** How long the browser's request waits for {@link #finish} before it gets a neutral page. */
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

  /** How long a client may take to send its request, and to take the answer. */
  static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);

  /** Threads: one waits with the browser for {@link #finish}; the others answer the rest. */
  private static final int THREADS = 8;

  private final HttpServer server;
  private final SlowClientGuard executor;
  private final String redirectUri;
  private final CompletableFuture<String> redirect = new CompletableFuture<>();
  private final CompletableFuture<Answer> answer = new CompletableFuture<>();
  private final AtomicBoolean accepted = new AtomicBoolean();
  private final CountDownLatch answered = new CountDownLatch(1);
  private volatile String expectedState;
  private volatile boolean closed;

  private record Answer(int status, String title, String message) {}

  private LoopbackReceiver(HttpServer server, SlowClientGuard executor) {
    this.server = server;
    this.executor = executor;
    this.redirectUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /**
   * Starts a receiver on {@code 127.0.0.1} at a free port.
   *
   * @return the running receiver; close it when done
   * @throws UncheckedIOException if no port can be bound
   */
  public static LoopbackReceiver start() {
    return start(CLIENT_TIMEOUT);
  }

  /** {@link #start()}, with another deadline for clients to send their requests. */
  static LoopbackReceiver start(Duration clientTimeout) {
    HttpServer server;
    try {
      InetAddress loopback = InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
      server = HttpServer.create(new InetSocketAddress(loopback, 0), 8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1 for the sign-in redirect", e);
    }
    SlowClientGuard executor =
        new SlowClientGuard("jyoutube-loopback-receiver", THREADS, clientTimeout);
    LoopbackReceiver receiver = new LoopbackReceiver(server, executor);
    server.setExecutor(executor);
    server.createContext("/", receiver::handle);
    server.start();
    return receiver;
  }

  /**
   * {@code http://127.0.0.1:PORT/}: the redirect URI to put in the authorization URL.
   *
   * @return the redirect URI, {@code http://127.0.0.1:PORT/}
   */
  public String redirectUri() {
    return redirectUri;
  }

  /** {@return the port the receiver listens on} */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * The state of the authorization URL; redirects with another state are refused.
   *
   * @param state the state the redirect must carry
   */
  public void expectState(String state) {
    this.expectedState = Objects.requireNonNull(state, "state == null");
  }

  /**
   * Waits for the redirect.
   *
   * @param timeout how long to wait
   * @return the whole redirect URL, such as {@code http://127.0.0.1:PORT/?state=…&code=…}
   * @throws TimeoutException if none came in time
   * @throws InterruptedException if the thread was interrupted
   */
  public String awaitRedirect(Duration timeout) throws TimeoutException, InterruptedException {
    try {
      return redirect.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the receiver failed", e.getCause());
    }
  }

  /**
   * Answers the browser that brought the redirect.
   *
   * @param success whether the sign-in worked
   * @param message one sentence for the page
   */
  public void finish(boolean success, String message) {
    answer.complete(
        new Answer(
            success ? 200 : 400,
            success ? "Signed in to jyoutube" : "Sign-in failed",
            Objects.requireNonNull(message, "message == null")));
  }

  /** {@return whether the one redirect was accepted} */
  public boolean accepted() {
    return accepted.get();
  }

  /** Stops the server, after the browser got its page. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (accepted.get()) {
      answer.complete(
          new Answer(200, "jyoutube", "You can close this window and return to the terminal."));
      try {
        answered.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    server.stop(0);
    executor.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      // Drained (up to the server's limit) while the deadline runs.
      exchange.getRequestBody().close();
      if (!SlowClientGuard.requestRead()) {
        return; // too slow: disconnected already
      }
      URI uri = exchange.getRequestURI();
      if (!exchange.getRequestMethod().equals("GET")) {
        send(exchange, new Answer(405, "Not allowed", "This address takes GET requests only."));
        return;
      }
      if (!"/".equals(uri.getPath())) {
        send(exchange, new Answer(404, "Not found", "Nothing here."));
        return;
      }
      String state = query(uri.getRawQuery()).get("state");
      String expected = expectedState;
      if (expected == null || state == null || !sameState(expected, state)) {
        send(
            exchange,
            new Answer(
                400,
                "Sign-in response refused",
                "This response is not for the sign-in that jyoutube is waiting for (its state does"
                    + " not match), so it was ignored. Return to the terminal."));
        return;
      }
      if (closed || !accepted.compareAndSet(false, true)) {
        send(exchange, new Answer(409, "Already signed in", "This sign-in was already completed."));
        return;
      }
      String rawQuery = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
      redirect.complete(redirectUri + rawQuery);
      Answer reply;
      try {
        reply = answer.get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        reply = new Answer(200, "jyoutube", "Return to the terminal.");
      } catch (ExecutionException | TimeoutException e) {
        reply = new Answer(200, "jyoutube", "Return to the terminal.");
      }
      try {
        send(exchange, reply);
      } finally {
        answered.countDown();
      }
    }
  }

  private static boolean sameState(String expected, String actual) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    SlowClientGuard.answering();
    try {
      write(exchange, answer);
    } finally {
      SlowClientGuard.answered();
    }
  }

  private static void write(HttpExchange exchange, Answer answer) throws IOException {
    byte[] body = page(answer).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    // The address holds the authorization code: never send it on as a referrer.
    exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    exchange.sendResponseHeaders(answer.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String page(Answer answer) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
        + escape(answer.title())
        + "</title>\n<style>body{font-family:sans-serif;max-width:36em;margin:3em auto;}</style>\n"
        + "</head>\n<body>\n<h1 id=\"title\">"
        + escape(answer.title())
        + "</h1>\n<p id=\"message\">"
        + escape(answer.message())
        + "</p>\n</body>\n</html>\n";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /** The decoded parameters of a raw query; the first of repeated names wins. */
  static Map<String, String> query(String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      try {
        String name =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        params.putIfAbsent(name, value);
      } catch (IllegalArgumentException e) {
        // A malformed escape: ignore the pair.
      }
    }
    return params;
  }

  @Override
  public String toString() {
    return "LoopbackReceiver[" + redirectUri + (accepted.get() ? ", accepted" : "") + "]";
  }
}
