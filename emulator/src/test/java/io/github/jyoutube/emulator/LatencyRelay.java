package io.github.jyoutube.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP relay on loopback that holds each chunk the target sends back for {@code latency} before
 * passing it on: the network between a hub and a callback behind a tunnel, in one process.
 */
final class LatencyRelay implements AutoCloseable {

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final long latencyMillis;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "latency-relay");
            thread.setDaemon(true);
            return thread;
          });

  LatencyRelay(InetSocketAddress target, Duration latency) throws IOException {
    this.target = target;
    this.latencyMillis = latency.toMillis();
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::accept);
  }

  /** {@code uri} with the relay's port instead of the target's. */
  URI in(URI uri) {
    return URI.create(uri.getScheme() + "://127.0.0.1:" + server.getLocalPort() + uri.getRawPath());
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket();
        upstream.connect(target, 5_000);
        threads.execute(() -> pump(client, upstream, 0));
        threads.execute(() -> pump(upstream, client, latencyMillis));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private static void pump(Socket from, Socket to, long delayMillis) {
    try (from;
        to) {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      byte[] buffer = new byte[16 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        if (delayMillis > 0) {
          Thread.sleep(delayMillis);
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException | InterruptedException done) {
      // One side closed: close both.
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}
