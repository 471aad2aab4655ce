package io.github.jyoutube.reliability;

import io.github.jyoutube.Endpoints;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A loopback HTTP/1.1 server written on a raw {@link ServerSocket}, so that a test can misbehave at
 * the byte level: close before answering, close after the headers, stall, truncate, send a body
 * that never ends. One request per connection; every request is recorded before its fault runs, so
 * a test can count what reached the server.
 *
 * <p>Every fault is bounded: a stall or an endless body gives up after {@link #MAX_FAULT_MILLIS},
 * and {@link #close()} closes every open socket.
 */
final class FaultyServer implements AutoCloseable {

  /** The longest any fault keeps a connection open, whatever the client does. */
  static final long MAX_FAULT_MILLIS = 30_000;

  /** A request as received. */
  record Request(String method, String target, Map<String, String> headers, byte[] body) {
    String path() {
      int q = target.indexOf('?');
      return q < 0 ? target : target.substring(0, q);
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** What the server does with one request. */
  @FunctionalInterface
  interface Fault {
    void answer(Request request, Socket socket, Counters counters) throws IOException;
  }

  /** Bytes the server wrote, for faults that stream. */
  static final class Counters {
    final AtomicLong bodyBytesSent = new AtomicLong();
  }

  private final ServerSocket server;
  private final ExecutorService pool =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "faulty-server");
            thread.setDaemon(true);
            return thread;
          });
  private final List<Request> received = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger index = new AtomicInteger();
  private final Counters counters = new Counters();
  private final IntFunction<Fault> script;

  private FaultyServer(IntFunction<Fault> script) throws IOException {
    this.script = script;
    this.server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    pool.execute(this::acceptLoop);
  }

  /** Starts a server whose {@code n}th request (from 0) gets {@code script.apply(n)}. */
  static FaultyServer start(IntFunction<Fault> script) {
    try {
      return new FaultyServer(script);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts a server that answers every request with {@code fault}. */
  static FaultyServer always(Fault fault) {
    return start(n -> fault);
  }

  /** Starts a server that answers the first {@code count} requests with {@code fault}, then ok. */
  static FaultyServer burst(int count, Fault fault, Fault then) {
    return start(n -> n < count ? fault : then);
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
  }

  Endpoints endpoints() {
    return Endpoints.at(baseUri());
  }

  List<Request> received() {
    return List.copyOf(received);
  }

  long received(String method) {
    return received.stream().filter(r -> r.method().equals(method)).count();
  }

  long bodyBytesSent() {
    return counters.bodyBytesSent.get();
  }

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
      Request request = read(in);
      if (request == null) {
        return;
      }
      received.add(request);
      script.apply(index.getAndIncrement()).answer(request, socket, counters);
    } catch (IOException e) {
      // The client went away, or the fault closed the socket: both are expected here.
    } finally {
      open.remove(socket);
    }
  }

  private static Request read(InputStream in) throws IOException {
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
    String[] requestLine = lines[0].split(" ");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    return new Request(requestLine[0], requestLine[1], headers, body);
  }

  // ---- Faults --------------------------------------------------------------------------------

  /** A complete answer, then the connection closes. */
  static Fault reply(int status, String contentType, String body, String... headerPairs) {
    return (request, socket, counters) -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      StringBuilder head = statusLine(status);
      head.append("Content-Type: ").append(contentType).append("\r\n");
      for (int i = 0; i + 1 < headerPairs.length; i += 2) {
        head.append(headerPairs[i]).append(": ").append(headerPairs[i + 1]).append("\r\n");
      }
      head.append("Content-Length: ").append(bytes.length).append("\r\n");
      head.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(bytes);
      out.flush();
    };
  }

  static Fault json(int status, String body, String... headerPairs) {
    return reply(status, "application/json; charset=UTF-8", body, headerPairs);
  }

  /** Reads the request and closes the connection without a byte of answer. */
  static Fault dropBeforeResponse() {
    return (request, socket, counters) -> socket.close();
  }

  /** Reads the request and resets the connection (RST) without a byte of answer. */
  static Fault resetBeforeResponse() {
    return (request, socket, counters) -> {
      socket.setSoLinger(true, 0);
      socket.close();
    };
  }

  /** Sends the status line and headers of a 200 with a body, then closes. */
  static Fault dropAfterHeaders() {
    return (request, socket, counters) -> {
      OutputStream out = socket.getOutputStream();
      out.write(
          (statusLine(200)
                  + "Content-Type: application/json\r\nContent-Length: 5000\r\n"
                  + "Connection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      socket.close();
    };
  }

  /** Sends the status line and headers, then neither body nor close: the body never comes. */
  static Fault stallAfterHeaders() {
    return (request, socket, counters) -> {
      OutputStream out = socket.getOutputStream();
      out.write(
          (statusLine(200)
                  + "Content-Type: application/json\r\nContent-Length: 5000\r\n"
                  + "Connection: close\r\n\r\n{\"items\":[")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      waitForClientToLeave(socket);
    };
  }

  /** Reads the request and never answers, until the client leaves or the bound passes. */
  static Fault stall() {
    return (request, socket, counters) -> waitForClientToLeave(socket);
  }

  /** A 200 whose Content-Length promises 1000 bytes; 120 arrive, then the connection closes. */
  static Fault truncated() {
    return (request, socket, counters) -> {
      String partial = "{\"kind\":\"youtube#playlistListResponse\",\"items\":[{\"id\":\"PL1\"},";
      partial = partial + " ".repeat(120 - partial.length());
      OutputStream out = socket.getOutputStream();
      out.write(
          (statusLine(200) + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.write(partial.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      socket.close();
    };
  }

  /**
   * A 200 that announces {@code length} bytes and streams zeros until the client hangs up (or 2 GiB
   * + 1 MiB have gone, or the time bound passes).
   */
  static Fault hugeBody(long length) {
    return (request, socket, counters) -> {
      OutputStream out = socket.getOutputStream();
      out.write(
          (statusLine(200)
                  + "Content-Type: application/json\r\nContent-Length: "
                  + length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      streamUntilRefused(out, counters, length, false);
    };
  }

  /** A chunked 200 that never ends: 64 KiB chunks until the client hangs up. */
  static Fault endlessChunked() {
    return (request, socket, counters) -> {
      OutputStream out = socket.getOutputStream();
      out.write(
          (statusLine(200) + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      streamUntilRefused(out, counters, Long.MAX_VALUE, true);
    };
  }

  /** A chunked 200 that trickles one byte every 100 ms and never ends. */
  static Fault trickle() {
    return trickle(200, 100);
  }

  /** A chunked answer with {@code status} that trickles one byte every {@code everyMillis}. */
  static Fault trickle(int status, long everyMillis) {
    return (request, socket, counters) -> {
      OutputStream out = socket.getOutputStream();
      out.write(
          (statusLine(status)
                  + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                  + "1\r\n{\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      long end = System.currentTimeMillis() + MAX_FAULT_MILLIS;
      try {
        while (System.currentTimeMillis() < end) {
          Thread.sleep(everyMillis);
          out.write("1\r\n \r\n".getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          counters.bodyBytesSent.incrementAndGet();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  /**
   * A 200 of {@code pieces} × {@code pieceBytes} bytes (announced in Content-Length), one piece
   * every {@code everyMillis}: a download that takes long but keeps flowing.
   */
  static Fault steady(int pieces, int pieceBytes, long everyMillis) {
    return (request, socket, counters) -> {
      OutputStream out = socket.getOutputStream();
      out.write(
          (statusLine(200)
                  + "Content-Type: application/octet-stream\r\nContent-Length: "
                  + (long) pieces * pieceBytes
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      byte[] piece = new byte[pieceBytes];
      try {
        for (int i = 0; i < pieces; i++) {
          Thread.sleep(everyMillis);
          java.util.Arrays.fill(piece, (byte) ('a' + i % 26));
          out.write(piece);
          out.flush();
          counters.bodyBytesSent.addAndGet(pieceBytes);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  /** A 200 whose JSON body is {@code json}, sent whole. */
  static Fault jsonBytes(byte[] json) {
    return (request, socket, counters) -> {
      OutputStream out = socket.getOutputStream();
      out.write(
          (statusLine(200)
                  + "Content-Type: application/json\r\nContent-Length: "
                  + json.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      try {
        out.write(json);
        out.flush();
        counters.bodyBytesSent.addAndGet(json.length);
      } catch (SocketException refused) {
        // The client hung up.
      }
    };
  }

  /** A 200 whose body is {@code gzipped}, sent whole with {@code Content-Encoding: gzip}. */
  static Fault gzipped(byte[] gzipped) {
    return (request, socket, counters) -> {
      OutputStream out = socket.getOutputStream();
      out.write(
          (statusLine(200)
                  + "Content-Type: application/json\r\nContent-Encoding: gzip\r\n"
                  + "Content-Length: "
                  + gzipped.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      try {
        out.write(gzipped);
        out.flush();
        counters.bodyBytesSent.addAndGet(gzipped.length);
      } catch (SocketException refused) {
        // The client hung up.
      }
    };
  }

  /**
   * A 200 of {@code length} spaces, announced in Content-Length or sent in 64 KiB chunks with an
   * end: a large answer that is not endless.
   */
  static Fault largeBody(long length, boolean chunked) {
    return (request, socket, counters) -> {
      OutputStream out = socket.getOutputStream();
      out.write(
          (statusLine(200)
                  + "Content-Type: application/json\r\n"
                  + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + length)
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      byte[] spaces = new byte[64 * 1024];
      java.util.Arrays.fill(spaces, (byte) ' ');
      try {
        for (long sent = 0; sent < length; ) {
          int n = (int) Math.min(spaces.length, length - sent);
          if (chunked) {
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
          }
          out.write(spaces, 0, n);
          if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
          }
          sent += n;
          counters.bodyBytesSent.addAndGet(n);
        }
        if (chunked) {
          out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.flush();
      } catch (SocketException refused) {
        // The client hung up.
      }
    };
  }

  private static void streamUntilRefused(
      OutputStream out, Counters counters, long limit, boolean chunked) throws IOException {
    byte[] zeros = new byte[64 * 1024];
    byte[] chunkHead = (Integer.toHexString(zeros.length) + "\r\n").getBytes();
    byte[] crlf = "\r\n".getBytes();
    long cap = Math.min(limit, (2L << 30) + (1L << 20));
    long end = System.currentTimeMillis() + MAX_FAULT_MILLIS;
    long sent = 0;
    try {
      while (sent < cap && System.currentTimeMillis() < end) {
        if (chunked) {
          out.write(chunkHead);
        }
        int n = (int) Math.min(zeros.length, cap - sent);
        out.write(zeros, 0, n);
        if (chunked) {
          out.write(crlf);
        }
        sent += n;
        counters.bodyBytesSent.addAndGet(n);
      }
    } catch (SocketException refused) {
      // The client hung up: what the test wants.
    }
  }

  private static void waitForClientToLeave(Socket socket) {
    try {
      socket.setSoTimeout((int) MAX_FAULT_MILLIS);
      while (socket.getInputStream().read() >= 0) {
        // Discard whatever the client sends until it closes.
      }
    } catch (IOException e) {
      // Closed, reset or the bound passed.
    }
  }

  private static StringBuilder statusLine(int status) {
    return new StringBuilder("HTTP/1.1 ").append(status).append(" Status\r\n");
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
