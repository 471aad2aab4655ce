package io.github.jyoutube.http;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The JDK HTTP clients of one {@code YouTubeClient}: one for calls whose bodies are in memory, and
 * one for streamed uploads and downloads, made on first use. Either made here and owned, or the
 * caller's one client for both, borrowed.
 *
 * <p>{@link #close()} releases what is owned. On JDK 21 and later, each owned client is shut down
 * ({@code HttpClient.shutdownNow()}: its connections closed, its selector thread ended). On JDK 17,
 * which has no such method, the streaming client's executor (owned here) is shut down, and every
 * reference to the clients is dropped: the JDK's selector thread of a client ends, closing its
 * connections, once the client is garbage collected (it checks every 3 s). A borrowed client is
 * never shut down.
 */
public final class JdkClients {

  /** {@code HttpClient.shutdownNow()}, on JDK 21 and later; {@code null} on 17. */
  private static final MethodHandle SHUTDOWN_NOW = shutdownNow();

  /** One numbering of streamed-transfer threads for every client in the JVM. */
  private static final ThreadFactory STREAM_THREADS = Daemons.numbered("jyoutube-stream-");

  private final boolean owned;
  private final Duration connectTimeout;
  private volatile HttpClient api;
  private HttpClient streaming; // guarded by this
  private ThreadPoolExecutor streamingExecutor; // guarded by this
  private boolean closed; // guarded by this

  private JdkClients(HttpClient api, boolean owned, Duration connectTimeout) {
    this.api = api;
    this.owned = owned;
    this.connectTimeout = connectTimeout;
    if (!owned) {
      this.streaming = api;
    }
  }

  /**
   * Clients made and owned here. API calls run the JDK client's internal tasks on its selector
   * thread (executor {@code Runnable::run}): no hand-off to a pool thread per response
   * (docs/PERFORMANCE.md). Streamed bodies go through a second client, with a pool of its own.
   *
   * @param connectTimeout how long to wait for a connection
   * @param plainHttpOnly whether every endpoint is plain http, so that no TLS context is loaded
   * @return the clients
   */
  public static JdkClients owned(Duration connectTimeout, boolean plainHttpOnly) {
    HttpClient.Builder made =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(Runnable::run);
    if (plainHttpOnly) {
      // An emulator's endpoints: no TLS context to load (about 300 ms at start).
      made.sslContext(PlainHttp.context()).sslParameters(PlainHttp.parameters());
    }
    return new JdkClients(made.build(), true, connectTimeout);
  }

  /**
   * The caller's client, for every call; never shut down here.
   *
   * @param client the caller's JDK client
   * @return the clients
   */
  public static JdkClients borrowed(HttpClient client) {
    return new JdkClients(Objects.requireNonNull(client, "client == null"), false, null);
  }

  /**
   * The client for calls whose bodies are in memory.
   *
   * @return the client
   * @throws IllegalStateException once closed
   */
  public HttpClient api() {
    HttpClient client = api;
    if (client == null) {
      throw closed();
    }
    return client;
  }

  /**
   * The client for streamed bodies and downloads, made on first use.
   *
   * @return the client
   * @throws IllegalStateException once closed
   */
  public synchronized HttpClient streaming() {
    if (closed) {
      throw closed();
    }
    if (streaming == null) {
      streamingExecutor =
          new ThreadPoolExecutor(
              0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), STREAM_THREADS);
      streaming =
          HttpClient.newBuilder()
              .connectTimeout(connectTimeout)
              .followRedirects(HttpClient.Redirect.NEVER)
              .executor(streamingExecutor)
              .build();
    }
    return streaming;
  }

  /** Releases what is owned (see the class comment); idempotent. */
  public void close() {
    HttpClient apiClient;
    HttpClient streamingClient;
    ThreadPoolExecutor executor;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      apiClient = api;
      streamingClient = streaming;
      executor = streamingExecutor;
      api = null;
      streaming = null;
      streamingExecutor = null;
    }
    if (!owned) {
      return;
    }
    shutDown(apiClient);
    if (streamingClient != null) {
      shutDown(streamingClient);
    }
    if (executor != null) {
      executor.shutdown(); // idle threads end now, busy ones when their task does
    }
  }

  private static void shutDown(HttpClient client) {
    if (SHUTDOWN_NOW == null) {
      return; // JDK 17: the selector thread ends once the client is unreachable
    }
    try {
      SHUTDOWN_NOW.invoke(client);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("HttpClient.shutdownNow() failed", e);
    }
  }

  private static MethodHandle shutdownNow() {
    try {
      return MethodHandles.publicLookup()
          .findVirtual(HttpClient.class, "shutdownNow", MethodType.methodType(void.class));
    } catch (NoSuchMethodException | IllegalAccessException jdk17) {
      return null;
    }
  }

  private static IllegalStateException closed() {
    return new IllegalStateException(
        "this YouTubeClient is closed: its connections and threads were released; build a new"
            + " client");
  }
}
