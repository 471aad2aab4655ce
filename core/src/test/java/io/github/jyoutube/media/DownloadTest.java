package io.github.jyoutube.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.error.MediaException;
import io.github.jyoutube.error.NotFoundException;
import io.github.jyoutube.http.ClientContext;
import io.github.jyoutube.http.MediaDownload;
import io.github.jyoutube.media.ResumableFixture.Kind;
import io.github.jyoutube.testing.RecordingSleeper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads stream to a file or a stream, whatever their size, with typed errors. */
class DownloadTest {

  private static final long BIG = 48L << 20;

  @TempDir Path dir;

  private final ResumableFixture fixture = ResumableFixture.start().acceptToken("ya29.t0");
  private final RecordingSleeper sleeper = new RecordingSleeper();
  // The transport refuses any buffered body over 1 MiB: a download that buffered would fail.
  private final ClientContext context =
      TestClients.context(
          fixture.endpoints(), sleeper, "ya29.t0", Duration.ofSeconds(30), 1L << 20);

  @AfterEach
  void stop() {
    fixture.close();
  }

  private MediaDownload caption(String id) {
    return Uploads.download(
        context, "captions/{id}", Map.of("id", id, "tfmt", "srt", "tlang", "fr"), null);
  }

  @Test
  void streamsABodyLargerThanTheBufferLimitIntoAFileMovedIntoPlace() throws Exception {
    fixture.serveGenerated("/youtube/v3/captions/cap 1", BIG, 5);
    Path target = dir.resolve("track.srt");
    Files.writeString(target, "old content");

    long written = caption("cap 1").saveTo(target);

    assertThat(written).isEqualTo(BIG);
    assertThat(TestData.sha256(target)).isEqualTo(TestData.sha256(TestData.stream(BIG, 5)));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target); // no temporary file left
    }
    ResumableFixture.Request request = fixture.requests(Kind.DOWNLOAD).get(0);
    assertThat(request.query()).containsEntry("tfmt", "srt").containsEntry("tlang", "fr");
    assertThat(request.header("authorization")).isEqualTo("Bearer ya29.t0");
  }

  @Test
  void streamsIntoAnOutputStreamAndLeavesItOpen() {
    fixture.serveGenerated("/youtube/v3/captions/c2", BIG, 6);
    ClosingProbe probe = new ClosingProbe();

    long written = caption("c2").writeTo(probe);

    assertThat(written).isEqualTo(BIG);
    assertThat(probe.closed).isFalse();
    assertThat(probe.flushed).isTrue();
    assertThat(probe.sha256()).isEqualTo(TestData.sha256(TestData.stream(BIG, 6)));
  }

  @Test
  void inflatesAGzippedBody() {
    byte[] text =
        "1\n00:00:01,000 --> 00:00:02,000\nBonjour\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
    fixture.serve("/youtube/v3/captions/gz", text, true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThat(caption("gz").writeTo(out)).isEqualTo(text.length);
    assertThat(out.toByteArray()).isEqualTo(text);
  }

  @Test
  void anErrorAnswerIsItsTypedExceptionAndLeavesNoFile() throws Exception {
    Path target = dir.resolve("missing.srt");

    assertThatThrownBy(() -> caption("nope").saveTo(target))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(404);
              assertThat(e.reason()).isEqualTo("notFound");
            });
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aServerErrorBeforeTheFirstByteIsRetried() {
    fixture.serve("/youtube/v3/captions/c3", new byte[] {1, 2, 3}, false).onDownload(503);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThat(caption("c3").writeTo(out)).isEqualTo(3);
    assertThat(out.toByteArray()).containsExactly(1, 2, 3);
    assertThat(sleeper.delays()).hasSize(1);
    assertThat(fixture.requests(Kind.DOWNLOAD)).hasSize(2);
  }

  @Test
  void aFailingTargetIsAMediaException() {
    fixture.serveGenerated("/youtube/v3/captions/c4", 1 << 20, 7);
    OutputStream broken =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("disk full");
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException("disk full");
          }
        };

    assertThatThrownBy(() -> caption("c4").writeTo(broken))
        .isInstanceOf(MediaException.class)
        .hasMessageContaining("disk full");
    assertThat(fixture.requests(Kind.DOWNLOAD)).hasSize(1);
  }

  /** Digests what it receives, and remembers whether it was flushed or closed. */
  private static final class ClosingProbe extends DigestOutputStream {
    boolean closed;
    boolean flushed;

    ClosingProbe() {
      super(OutputStream.nullOutputStream(), ResumableFixture.sha256Digest());
    }

    @Override
    public void flush() throws IOException {
      flushed = true;
      super.flush();
    }

    @Override
    public void close() {
      closed = true;
    }

    String sha256() {
      return HexFormat.of().formatHex(getMessageDigest().digest());
    }
  }
}
