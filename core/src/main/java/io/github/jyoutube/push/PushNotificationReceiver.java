package io.github.jyoutube.push;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.jyoutube.http.Durations;
import io.github.jyoutube.http.SlowClientGuard;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A small HTTP server (the JDK's {@code com.sun.net.httpserver}) that serves a {@link
 * PushNotificationHandler} at one path, for programs that have no web server of their own.
 *
 * <pre>{@code
 * PushNotificationHandler handler = new PushNotificationHandler(System.out::println);
 * try (PushNotificationReceiver receiver =
 *     PushNotificationReceiver.builder(handler).port(8080).path("/youtube").start()) {
 *   cli.pushNotifications().subscribe(channelId, "https://example.com/youtube",
 *       SubscribeOptions.defaults().withSecret(secret), handler);
 *   ...
 * }
 * }</pre>
 *
 * <p>It listens on the loopback address by default: put it behind a reverse proxy or tunnel that
 * the hub can reach (the public URL is the callback), or {@link Builder#bindAddress bind} another
 * address. Requests to other paths get 404; a body is read up to the handler's {@linkplain
 * PushNotificationHandler.Builder#maxBodyBytes limit}, no further.
 *
 * <p>Slow clients cannot keep the hub from being answered: a client has {@link
 * Builder#clientTimeout 10 seconds} to send its whole request once it started, and as long to take
 * the answer, or it is disconnected; when every thread is busy and a request waits, the client that
 * has been sending its request the longest is disconnected to make room. Connections that send
 * nothing hold no thread.
 */
public final class PushNotificationReceiver implements AutoCloseable {

  private final HttpServer server;
  private final SlowClientGuard executor;
  private final PushNotificationHandler handler;
  private final String path;
  private final int maxBodyBytes;

  private PushNotificationReceiver(Builder builder) throws IOException {
    this.handler = builder.handler;
    this.path = builder.path;
    this.maxBodyBytes = handler.maxBodyBytes();
    this.server = HttpServer.create(new InetSocketAddress(builder.bindAddress, builder.port), 64);
    this.executor = new SlowClientGuard("jyoutube-push", builder.threads, builder.clientTimeout);
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    server.start();
  }

  /**
   * Starts a receiver of {@code handler} on {@code 127.0.0.1} at a free port, path {@code /}.
   *
   * @param handler the handler to serve
   * @return the running receiver
   * @throws UncheckedIOException if it cannot listen
   */
  public static PushNotificationReceiver start(PushNotificationHandler handler) {
    return builder(handler).start();
  }

  /**
   * A builder of a receiver of {@code handler}.
   *
   * @param handler the handler to serve
   * @return a new builder
   */
  public static Builder builder(PushNotificationHandler handler) {
    return new Builder(handler);
  }

  /** {@return the handler it serves} */
  public PushNotificationHandler handler() {
    return handler;
  }

  /** {@return the address and port it listens on} */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** {@return the port it listens on} */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Its own URL, {@code http://ADDRESS:PORT/PATH}: the callback URL when the hub can reach this
   * address directly (as the jyoutube emulator's hub does on loopback).
   *
   * @return its own URL
   */
  public URI callbackUri() {
    InetAddress address = server.getAddress().getAddress();
    String host =
        address.isAnyLocalAddress()
            ? InetAddress.getLoopbackAddress().getHostAddress()
            : address.getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + port() + path);
  }

  private void serve(HttpExchange http) throws IOException {
    try (http) {
      if (!path.equals(http.getRequestURI().getPath())) {
        // Drained (up to the server's limit) while the deadline runs, not after.
        http.getRequestBody().close();
        if (SlowClientGuard.requestRead()) {
          send(http, PushNotificationHandler.Response.text(404, "not found"));
        }
        return;
      }
      byte[] body = readUpTo(http.getRequestBody(), maxBodyBytes + 1L);
      if (!SlowClientGuard.requestRead()) {
        return; // too slow: the connection is closed already
      }
      PushNotificationHandler.Response response =
          handler.handle(
              http.getRequestMethod(),
              http.getRequestURI().getRawQuery(),
              http.getRequestHeaders(),
              body);
      send(http, response);
    }
  }

  private static void send(HttpExchange http, PushNotificationHandler.Response response)
      throws IOException {
    SlowClientGuard.answering();
    try {
      write(http, response);
    } finally {
      SlowClientGuard.answered();
    }
  }

  private static void write(HttpExchange http, PushNotificationHandler.Response response)
      throws IOException {
    byte[] bytes = response.bodyBytes();
    http.getResponseHeaders().set("Content-Type", response.contentType());
    http.getResponseHeaders().set("Cache-Control", "no-store");
    boolean empty = bytes.length == 0 || response.status() == 204;
    http.sendResponseHeaders(response.status(), empty ? -1 : bytes.length);
    if (!empty) {
      try (OutputStream out = http.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** Reads at most {@code max} bytes; the rest of the body is left unread. */
  private static byte[] readUpTo(InputStream in, long max) throws IOException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[16 * 1024];
      long total = 0;
      for (int n;
          total < max
              && (n = in.read(buffer, 0, (int) Math.min(buffer.length, max - total))) >= 0; ) {
        out.write(buffer, 0, n);
        total += n;
      }
      return out.toByteArray();
    }
  }

  /** Stops listening; does nothing the second time. */
  @Override
  public void close() {
    server.stop(0);
    executor.close();
  }

  @Override
  public String toString() {
    return "PushNotificationReceiver[" + callbackUri() + "]";
  }

  /** Settings of a {@link PushNotificationReceiver}. */
  public static final class Builder {
    private final PushNotificationHandler handler;
    private InetAddress bindAddress = InetAddress.getLoopbackAddress();
    private int port;
    private String path = "/";
    private int threads = 16;
    private Duration clientTimeout = Duration.ofSeconds(10);

    private Builder(PushNotificationHandler handler) {
      this.handler = Objects.requireNonNull(handler, "handler == null");
    }

    /**
     * The address to listen on: loopback by default.
     *
     * @param address the address to listen on: loopback by default
     * @return this builder
     */
    public Builder bindAddress(InetAddress address) {
      this.bindAddress = Objects.requireNonNull(address, "address == null");
      return this;
    }

    /**
     * The port; 0 (the default) picks a free one.
     *
     * @param port the port; 0 (the default) picks a free one
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The callback's path, {@code /} by default.
     *
     * @param path the callback's path, {@code /} by default
     * @return this builder
     */
    public Builder path(String path) {
      Objects.requireNonNull(path, "path == null");
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("path must start with '/': " + path);
      }
      this.path = path;
      return this;
    }

    /**
     * The most requests read and answered at once (16 by default). More wait for a thread; while
     * one waits, the client that has been sending its request the longest is disconnected.
     *
     * @param threads the most requests read and answered at once
     * @return this builder
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1: " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * How long a client may take to send its whole request once its first byte arrived, and again
     * to take the answer (10 seconds by default); a slower one is disconnected. The handler itself
     * has no deadline.
     *
     * @param timeout the timeout
     * @return how long a client may take to send its whole request once its first byte arrived, and
     *     again to take the answer (10 seconds by default); a slower one is disconnected
     */
    public Builder clientTimeout(Duration timeout) {
      this.clientTimeout = Durations.positive(timeout, "clientTimeout");
      return this;
    }

    /**
     * Starts listening.
     *
     * @return the running receiver
     * @throws UncheckedIOException if the address or port cannot be bound
     */
    public PushNotificationReceiver start() {
      try {
        return new PushNotificationReceiver(this);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot listen on " + bindAddress.getHostAddress() + ":" + port, e);
      }
    }
  }
}
