package io.github.jyoutube.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.testing.ChildJvm;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Answers too large for the heap end in a typed {@code TransportException} naming the limit, never
 * an {@link OutOfMemoryError}: a child JVM with a small heap ({@link BodyFetchMain}, the client's
 * default limit unless a test raises it) calls a loopback server that serves a gzip bomb (4 MiB
 * that inflate to 4 GiB) or a 30 MB answer, alone and several at once.
 */
class ResponseMemoryTest {

  /** 4 GiB of zeros in about 4 MiB of gzip. */
  private static final byte[] BOMB = bomb(4096);

  /** A {@code playlists.list} answer of 30 MB. */
  private static final byte[] PLAYLISTS = playlists(30_000_000);

  private FaultyServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Timeout(120)
  void aGzipBombInA64MiBHeapIsRefusedAtTheLimit() throws Exception {
    server = FaultyServer.always(FaultyServer.gzipped(BOMB));
    assertRefused(run("-Xmx64m", 1), 1);
  }

  @Test
  @Timeout(120)
  void aGzipBombWithTheLimitRaisedTo32MiBInA64MiBHeapIsRefusedAtTheLimit() throws Exception {
    // The reported case: the default limit of 32 MiB, kept although the heap is only 64 MiB.
    server = FaultyServer.always(FaultyServer.gzipped(BOMB));
    assertRefused(run("-Xmx64m", 1, 32L << 20), 1);
  }

  @Test
  @Timeout(120)
  void sixteenGzipBombsAtOnceInA256MiBHeapAreAllRefused() throws Exception {
    server = FaultyServer.always(FaultyServer.gzipped(BOMB));
    assertRefused(run("-Xmx256m", 16), 16);
  }

  @Test
  @Timeout(120)
  void sixteenGzipBombsAtOnceInA64MiBHeapAreAllRefused() throws Exception {
    server = FaultyServer.always(FaultyServer.gzipped(BOMB));
    assertRefused(run("-Xmx64m", 16), 16);
  }

  @Test
  @Timeout(120)
  void a30MBJsonAnswerInA64MiBHeapIsRefusedWithTheLimitNamed() throws Exception {
    server = FaultyServer.always(FaultyServer.jsonBytes(PLAYLISTS));
    assertRefused(run("-Xmx64m", 1), 1);
  }

  @Test
  @Timeout(120)
  void aChunked30MBBodyInA64MiBHeapIsRefusedWithTheLimitNamed() throws Exception {
    server = FaultyServer.always(FaultyServer.largeBody(30_000_000, true));
    assertRefused(run("-Xmx64m", 1), 1);
  }

  @Test
  @Timeout(120)
  void a30MBJsonAnswerWithTheLimitRaisedInA64MiBHeapIsRefusedWithTheLimitNamed() throws Exception {
    // Received whole (one buffer of its Content-Length), but decoding it needs more than the heap.
    server = FaultyServer.always(FaultyServer.jsonBytes(PLAYLISTS));
    assertRefused(run("-Xmx64m", 1, 32L << 20), 1);
  }

  @Test
  @Timeout(120)
  void fourSuchAnswersAtOnceInA256MiBHeapAreDecodedOneAfterAnother() throws Exception {
    server = FaultyServer.always(FaultyServer.jsonBytes(PLAYLISTS));
    List<String> output = run("-Xmx256m", 4, 32L << 20);
    assertThat(output).as("the child's output").contains("done");
    assertThat(output)
        .as("the child's output")
        .noneMatch(line -> line.contains("OutOfMemoryError") || line.contains("Java heap space"));
    // Decoding waits for room; an answer that arrives while another decodes may find none (its
    // retries go at once here, the test's sleeper does not wait) and is refused with the limit.
    List<String> outcomes = output.stream().filter(line -> line.startsWith("call ")).toList();
    assertThat(outcomes)
        .hasSize(4)
        .allSatisfy(
            line ->
                assertThat(line)
                    .satisfiesAnyOf(
                        ok -> assertThat(ok).endsWith(" ok"),
                        refused ->
                            assertThat(refused)
                                .contains("TransportException")
                                .contains("half of the heap")))
        .anySatisfy(line -> assertThat(line).endsWith(" ok"));
  }

  private static void assertRefused(List<String> output, int calls) {
    assertThat(output).as("the child's output").contains("done");
    assertThat(output)
        .as("the child's output")
        .noneMatch(line -> line.contains("OutOfMemoryError") || line.contains("Java heap space"));
    List<String> outcomes = output.stream().filter(line -> line.startsWith("call ")).toList();
    assertThat(outcomes).hasSize(calls);
    assertThat(outcomes)
        .allSatisfy(
            line ->
                assertThat(line)
                    .contains("TransportException")
                    .containsAnyOf("maxResponseBytes", "of the heap"));
  }

  private List<String> run(String heap, int calls) throws Exception {
    return run(heap, calls, 0);
  }

  /** Runs the child; {@code maxResponseBytes} 0 keeps the client's default. */
  private List<String> run(String heap, int calls, long maxResponseBytes) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            ChildJvm.command(
                List.of(heap),
                BodyFetchMain.class,
                server.baseUri().toString(),
                String.valueOf(calls)));
    if (maxResponseBytes > 0) {
      command.add(String.valueOf(maxResponseBytes));
    }
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    CompletableFuture<String> text =
        CompletableFuture.supplyAsync(() -> readAll(child.getInputStream()));
    try {
      assertThat(child.waitFor(100, TimeUnit.SECONDS)).as("the child ended").isTrue();
    } finally {
      child.destroyForcibly();
    }
    List<String> lines = text.get(10, TimeUnit.SECONDS).lines().toList();
    lines.forEach(line -> System.out.println("child " + heap + ": " + line));
    return lines;
  }

  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "(output unreadable: " + e + ")";
    }
  }

  /** A {@code playlists.list} answer of about {@code size} bytes: many small playlists. */
  static byte[] playlists(int size) {
    StringBuilder json = new StringBuilder(size + 200);
    json.append("{\"kind\":\"youtube#playlistListResponse\",\"items\":[");
    for (int i = 0; json.length() < size; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"kind\":\"youtube#playlist\",\"etag\":\"e\",\"id\":\"PL")
          .append(i)
          .append("\",\"snippet\":{\"title\":\"A playlist title number ")
          .append(i)
          .append("\",\"description\":\"desc\"}}");
    }
    return json.append("]}").toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * One gzip member of {@code mebibytes} MiB of zeros: a block of 1 MiB of zeros deflated and fully
   * flushed (which resets the compressor, so the block can be repeated), repeated. The trailer is
   * honest about the size (modulo 2^32, as gzip stores it) but its CRC is not computed: no client
   * should read that far.
   */
  static byte[] bomb(int mebibytes) {
    byte[] zeros = new byte[1 << 20];
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    byte[] first = flushed(deflater, zeros);
    byte[] block = flushed(deflater, zeros);
    if (!Arrays.equals(block, flushed(deflater, zeros))) {
      throw new IllegalStateException("a fully flushed block does not repeat");
    }
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 255});
    out.writeBytes(first);
    for (int i = 1; i < mebibytes; i++) {
      out.writeBytes(block);
    }
    byte[] buffer = new byte[1024];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    long size = (long) mebibytes << 20;
    out.writeBytes(new byte[] {0, 0, 0, 0}); // CRC-32, not computed
    for (int i = 0; i < 4; i++) {
      out.write((int) (size >>> (8 * i)) & 0xff);
    }
    return out.toByteArray();
  }

  private static byte[] flushed(Deflater deflater, byte[] input) {
    deflater.setInput(input);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    int n;
    do {
      n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
      out.write(buffer, 0, n);
    } while (n == buffer.length || !deflater.needsInput());
    return out.toByteArray();
  }
}
