package io.github.jyoutube.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Connections that hold a server's attention without ever finishing a request: some send nothing,
 * some half a request, some one byte every {@code dribble}, some headers and part of a body.
 */
public final class HostileClients implements AutoCloseable {

  private final InetSocketAddress server;
  private final List<Socket> sockets = new ArrayList<>();
  private final ScheduledExecutorService dribbler =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "hostile-dribbler");
            thread.setDaemon(true);
            return thread;
          });

  public HostileClients(InetSocketAddress server) {
    this.server = server;
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket();
    socket.connect(server, 5_000);
    sockets.add(socket);
    return socket;
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** Connections that send nothing. */
  public HostileClients silent(int n) throws IOException {
    for (int i = 0; i < n; i++) {
      connect();
    }
    return this;
  }

  /** Connections that send a request line and one header, and stop. */
  public HostileClients halfRequests(int n, String path) throws IOException {
    for (int i = 0; i < n; i++) {
      Socket socket = connect();
      send(socket, "GET " + path + "?hub.mode=subscribe HTTP/1.1\r\nHost: x\r\n");
    }
    return this;
  }

  /** Connections that send a request one byte every {@code every}, for ever. */
  public HostileClients dribblers(int n, String path, Duration every) throws IOException {
    byte[] request =
        ("GET " + path + " HTTP/1.1\r\nHost: x\r\n" + "X-Pad: " + "p".repeat(4096) + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < n; i++) {
      Socket socket = connect();
      int[] at = {0};
      dribbler.scheduleWithFixedDelay(
          () -> {
            try {
              socket.getOutputStream().write(request[at[0]++ % request.length]);
              socket.getOutputStream().flush();
            } catch (IOException closed) {
              throw new IllegalStateException("closed");
            }
          },
          0,
          every.toMillis(),
          TimeUnit.MILLISECONDS);
    }
    return this;
  }

  /** Connections that announce a body of 1,000 bytes and send three. */
  public HostileClients stalledBodies(int n, String path) throws IOException {
    for (int i = 0; i < n; i++) {
      send(connect(), "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nabc");
    }
    return this;
  }

  /** How many connections are open. */
  public int size() {
    return sockets.size();
  }

  /**
   * How long, from now, until the server had closed every connection (data it sent first is
   * skipped), waiting at most {@code max}; {@code null} if one was still open then.
   */
  public Duration allClosedByServerWithin(Duration max) throws IOException {
    long start = System.nanoTime();
    long deadline = start + max.toNanos();
    for (Socket socket : sockets) {
      InputStream in = socket.getInputStream();
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return null;
        }
        socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
        try {
          if (in.read() < 0) {
            break;
          }
        } catch (SocketTimeoutException e) {
          return null;
        } catch (IOException reset) {
          break;
        }
      }
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Override
  public void close() {
    dribbler.shutdownNow();
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
