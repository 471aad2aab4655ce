package io.github.jyoutube.emulator.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.emulator.YouTubeEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The emulator under abuse, over raw loopback sockets: a thousand connections at once, malformed
 * HTTP, bodies over the limit and clients that send a request a byte at a time. After each, it
 * still answers a real client at once.
 */
@Timeout(120)
class EmulatorAbuseTest {

  private static final String VALID =
      "GET /youtube/v3/i18nRegions?part=snippet&key=abuse HTTP/1.1\r\n"
          + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n";

  private YouTubeEmulator emulator;
  private final List<Socket> sockets = new ArrayList<>();

  @BeforeEach
  void start() {
    emulator = YouTubeEmulator.builder().maxUploadBytes(1 << 20).start();
  }

  @AfterEach
  void stop() {
    sockets.forEach(EmulatorAbuseTest::closeQuietly);
    emulator.close();
  }

  // ---- A thousand at once --------------------------------------------------------------------

  @Test
  void aThousandConcurrentConnectionsAreAllAnswered() throws Exception {
    int count = 1000;
    long began = System.nanoTime();
    for (int i = 0; i < count; i++) {
      sockets.add(connect(30_000));
    }
    long connected = System.nanoTime();
    for (Socket socket : sockets) {
      socket.getOutputStream().write(VALID.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
    }
    int ok = 0;
    for (Socket socket : sockets) {
      if (statusOf(readAll(socket)) == 200) {
        ok++;
      }
    }
    long answered = System.nanoTime();

    assertThat(ok).isEqualTo(count);
    System.out.printf(
        Locale.ROOT,
        "ABUSE connections=%d connectMs=%d allAnsweredMs=%d%n",
        count,
        (connected - began) / 1_000_000,
        (answered - began) / 1_000_000);
    assertStillAnswers();
  }

  // ---- Malformed HTTP ------------------------------------------------------------------------

  @Test
  void malformedRequestsAreRefusedOrDroppedAndNothingHangs() throws Exception {
    List<byte[]> payloads = new ArrayList<>();
    for (String text :
        List.of(
            "\u0000\u0001\u0002 not http at all\r\n\r\n",
            "GET\r\n\r\n",
            "GET / HTTP/9.9\r\n\r\n",
            "BREW /coffee HTCPCP/1.0\r\n\r\n",
            "GET /youtube/v3/videos HTTP/1.1\r\nHeaderWithoutColon\r\n\r\n",
            "GET /youtube/v3/videos?part=%ZZ&id=%%%&key=%E0%A4%A HTTP/1.1\r\nHost: x\r\n\r\n",
            "POST /token HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
            "POST /token HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
            "POST /token HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n",
            "POST /token HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nxx\r\n0\r\n\r\n",
            "POST /token HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Encoding: gzip\r\n\r\n"
                + "hello",
            "POST /youtube/v3/playlists?part=snippet HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: Bearer nope\r\nContent-Type: application/json\r\n"
                + "Content-Length: 9\r\n\r\n{\"snippet",
            "POST /token HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\nshort body then EOF",
            "GET /" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET / HTTP/1.1\r\nX-Big: " + "b".repeat(1_000_000) + "\r\n\r\n",
            "GET / HTTP/1.1\r\n" + "X-Many: 1\r\n".repeat(5000) + "\r\n")) {
      payloads.add(text.getBytes(StandardCharsets.ISO_8859_1));
    }
    Random random = new Random(42);
    for (int i = 0; i < 8; i++) {
      byte[] noise = new byte[1 + random.nextInt(64 * 1024)];
      random.nextBytes(noise);
      payloads.add(noise);
    }

    for (byte[] payload : payloads) {
      try (Socket socket = connect(5_000)) {
        socket.setSoTimeout(10_000);
        try {
          socket.getOutputStream().write(payload);
          socket.shutdownOutput();
        } catch (SocketException closedEarly) {
          // The server hung up before reading it all: a refusal too.
        }
        // An answer (any status) or a closed connection; a read timeout would fail the test.
        String answer = readAllOrReset(socket);
        if (!answer.isEmpty()) {
          assertThat(answer).startsWith("HTTP/1.1 ");
          assertThat(statusOf(answer)).isBetween(200, 599);
        }
      }
    }
    assertStillAnswers();
  }

  // ---- Bodies over the limit -----------------------------------------------------------------

  @Test
  void aBodyAnnouncedOverTheLimitIs413WithoutReadingIt() throws Exception {
    try (Socket socket = connect(5_000)) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("POST /youtube/v3/playlists?part=snippet HTTP/1.1\r\nHost: x\r\n"
                      + "Content-Type: application/json\r\nContent-Length: "
                      + (64L << 20)
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      // The answer comes before a byte of the body is sent (the client would wait forever).
      String answer = readOneResponse(socket);
      assertThat(statusOf(answer)).isEqualTo(413);
      assertThat(answer).contains("uploadTooLarge").containsIgnoringCase("Connection: close");
    }
    try (Socket socket = connect(5_000)) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("POST /upload/youtube/v3/videos?uploadType=media&part=snippet HTTP/1.1\r\n"
                      + "Host: x\r\nContent-Type: video/mp4\r\nContent-Length: "
                      + (2L << 30)
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      assertThat(statusOf(readOneResponse(socket))).isEqualTo(413);
    }
    assertStillAnswers();
  }

  @Test
  void aChunkedBodyThatPassesTheLimitIs413AndIsNotReadToTheEnd() throws Exception {
    try (Socket socket = connect(5_000)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /youtube/v3/playlists?part=snippet HTTP/1.1\r\nHost: x\r\n"
                  + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) ' ');
      byte[] head =
          (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      long sent = 0;
      // Up to 256 MiB, far past the 16 MiB limit: the server must answer and hang up long before.
      try {
        while (sent < (256L << 20)) {
          out.write(head);
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          sent += chunk.length;
        }
      } catch (SocketException refused) {
        // The server stopped reading and closed: expected.
      }
      String answer = readAllOrReset(socket);
      assertThat(sent).isLessThan(256L << 20);
      if (!answer.isEmpty()) {
        assertThat(statusOf(answer)).isEqualTo(413);
      }
    }
    assertStillAnswers();
  }

  // ---- Slow clients --------------------------------------------------------------------------

  @Test
  void slowClientsDoNotBlockOthers() throws Exception {
    // More slow connections than the emulator has worker threads (8 by default), in both forms:
    // headers that never end, and a body that never comes.
    for (int i = 0; i < 24; i++) {
      Socket slow = connect(5_000);
      sockets.add(slow);
      slow.getOutputStream()
          .write(
              "GET /youtube/v3/i18nRegions?part=snippet&key=k HTTP/1.1\r\nHost: x\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      slow.getOutputStream().flush();
    }
    for (int i = 0; i < 24; i++) {
      Socket slow = connect(5_000);
      sockets.add(slow);
      slow.getOutputStream()
          .write(
              ("POST /token HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded"
                      + "\r\nContent-Length: 100\r\n\r\ngrant_type=")
                  .getBytes(StandardCharsets.US_ASCII));
      slow.getOutputStream().flush();
    }
    Thread.sleep(200); // let the server pick them up

    ExecutorService others = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> answers = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        answers.add(
            others.submit(
                () -> {
                  long began = System.nanoTime();
                  try (Socket socket = connect(5_000)) {
                    socket.setSoTimeout(5_000);
                    socket.getOutputStream().write(VALID.getBytes(StandardCharsets.US_ASCII));
                    assertThat(statusOf(readAll(socket))).isEqualTo(200);
                  }
                  return (System.nanoTime() - began) / 1_000_000;
                }));
      }
      for (Future<Long> answer : answers) {
        assertThat(answer.get(30, TimeUnit.SECONDS)).isLessThan(5_000L);
      }
    } finally {
      others.shutdownNow();
    }
    // A slow client that finally completes its request is answered too.
    Socket late = sockets.get(0);
    late.setSoTimeout(10_000);
    late.getOutputStream().write("Connection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(statusOf(readAll(late))).isEqualTo(200);
    assertStillAnswers();
  }

  // ---- Helpers -------------------------------------------------------------------------------

  private void assertStillAnswers() {
    YouTubeClient cli =
        YouTubeClient.builder()
            .apiKey("still-there")
            .endpoints(emulator.endpoints())
            .requestTimeout(Duration.ofSeconds(5))
            .maxRetries(0)
            .build();
    assertThat(cli.i18nRegions().list().part("snippet").execute().items()).isNotEmpty();
  }

  private Socket connect(int timeoutMillis) throws IOException {
    Socket socket = new Socket();
    socket.connect(
        new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), emulator.port()),
        timeoutMillis);
    socket.setSoTimeout(30_000);
    return socket;
  }

  private static String readAll(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  /** Reads one response, headers and a Content-Length body, without waiting for the close. */
  private static String readOneResponse(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int last4 = 0;
    while (last4 != 0x0d0a0d0a) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      last4 = (last4 << 8) | b;
    }
    String headers = head.toString(StandardCharsets.ISO_8859_1);
    java.util.regex.Matcher length =
        java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(headers);
    byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
    return headers + new String(body, StandardCharsets.UTF_8);
  }

  /** Reads until the server closes; a reset counts as a close. A timeout is a failure. */
  private static String readAllOrReset(Socket socket) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      InputStream in = socket.getInputStream();
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException hang) {
      throw new AssertionError("the emulator neither answered nor closed: it hangs", hang);
    } catch (SocketException reset) {
      // Closed with a reset.
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  private static int statusOf(String response) {
    if (!response.startsWith("HTTP/1.1 ")) {
      return -1;
    }
    return Integer.parseInt(response.substring(9, 12));
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing.
    }
  }
}
