package io.github.jyoutube.cli.reliability;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OAuth server on a raw {@link ServerSocket} that misbehaves at the byte level, per path: a body
 * sent one byte a second, a body without end, absurd numbers. One request per connection; every
 * fault gives up after {@link #MAX_FAULT_MILLIS}, and {@link #close()} closes every socket.
 */
final class HostileOAuthServer implements AutoCloseable {

  static final long MAX_FAULT_MILLIS = 90_000;

  /** What the server does with one request. */
  @FunctionalInterface
  interface Answer {
    void send(OutputStream out, AtomicLong sent) throws IOException, InterruptedException;
  }

  private final ServerSocket server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicLong bodyBytesSent = new AtomicLong();
  private final ExecutorService pool =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "hostile-oauth-server");
            thread.setDaemon(true);
            return thread;
          });

  HostileOAuthServer() throws IOException {
    server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    pool.execute(this::acceptLoop);
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
  }

  HostileOAuthServer on(String path, Answer answer) {
    answers.put(path, answer);
    return this;
  }

  /** The paths requested, in order. */
  List<String> received() {
    return List.copyOf(received);
  }

  long bodyBytesSent() {
    return bodyBytesSent.get();
  }

  // ---- Answers ---------------------------------------------------------------------------------

  static Answer json(int status, String body) {
    return (out, sent) -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      out.write(
          ("HTTP/1.1 "
                  + status
                  + " Status\r\nContent-Type: application/json\r\nContent-Length: "
                  + bytes.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.write(bytes);
      out.flush();
    };
  }

  /** {@code answer}, sent after {@code millis} of silence. */
  static Answer after(long millis, Answer answer) {
    return (out, sent) -> {
      Thread.sleep(millis);
      answer.send(out, sent);
    };
  }

  /** A 200 whose JSON body comes one byte a second, chunked, and never ends. */
  static Answer oneBytePerSecond() {
    return (out, sent) -> {
      out.write(
          "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n{\r\n"
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      long end = System.currentTimeMillis() + MAX_FAULT_MILLIS;
      while (System.currentTimeMillis() < end) {
        Thread.sleep(1000);
        out.write("1\r\n \r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        sent.incrementAndGet();
      }
    };
  }

  /** A chunked 200 of 64 KiB chunks, as fast as the client takes them, without end. */
  static Answer endless() {
    return (out, sent) -> {
      out.write(
          "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
              .getBytes(StandardCharsets.ISO_8859_1));
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) ' ');
      chunk[0] = '{';
      byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes();
      byte[] crlf = "\r\n".getBytes();
      long end = System.currentTimeMillis() + MAX_FAULT_MILLIS;
      while (System.currentTimeMillis() < end) {
        out.write(head);
        out.write(chunk);
        out.write(crlf);
        sent.addAndGet(chunk.length);
        chunk[0] = ' ';
      }
    };
  }

  // ---- Serving ---------------------------------------------------------------------------------

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        open.add(socket);
        pool.execute(() -> serve(socket));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setSoTimeout((int) MAX_FAULT_MILLIS);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      String path = readRequest(in);
      if (path == null) {
        return;
      }
      received.add(path);
      Answer answer = answers.getOrDefault(path, json(404, "{\"error\":\"not_found\"}"));
      answer.send(socket.getOutputStream(), bodyBytesSent);
    } catch (IOException e) {
      // The client went away: expected.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(socket);
    }
  }

  private static String readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int last4 = 0;
    while (last4 != 0x0d0a0d0a) {
      int b = in.read();
      if (b < 0 || head.size() > 64 * 1024) {
        return null;
      }
      head.write(b);
      last4 = (last4 << 8) | b;
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    int length = 0;
    for (String line : lines) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    in.readNBytes(length);
    String target = lines[0].split(" ")[1];
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // Closing.
    }
    for (Socket socket : open) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Closing.
      }
    }
    pool.shutdownNow();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
