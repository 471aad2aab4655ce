package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.Scopes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers are gzipped as Google's are: only when the client accepts gzip, with {@code
 * Content-Encoding: gzip} and {@code Vary: Accept-Encoding}; never the empty answers (HEAD, 204,
 * 304). Clients' gzip paths, caption downloads included, are exercised offline.
 */
class GzipAnswersTest {

  @RegisterExtension
  static final YouTubeEmulatorExtension EMULATOR = new YouTubeEmulatorExtension();

  private static final String LIST =
      "youtube/v3/videos?part=snippet,statistics&chart=mostPopular&maxResults=50";

  private static Raw alice() {
    YouTubeEmulator emulator = EMULATOR.emulator();
    return new Raw(emulator.baseUri())
        .as(emulator.accessToken(Account.ALICE, Scopes.YOUTUBE, Scopes.YOUTUBE_FORCE_SSL));
  }

  static byte[] gunzip(byte[] gzipped) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("not gzip", e);
    }
  }

  @Test
  void aClientThatAcceptsGzipGetsGzip() {
    Raw alice = alice();
    Raw.Response plain = alice.get(LIST);
    Raw.Response gzipped = alice.get(LIST, "Accept-Encoding", "gzip, deflate");
    assertThat(plain.status()).isEqualTo(200);
    assertThat(plain.header("Content-Encoding")).isNull();
    assertThat(plain.header("Vary")).contains("Accept-Encoding");

    assertThat(gzipped.status()).isEqualTo(200);
    assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(gzipped.header("Vary")).contains("Accept-Encoding");
    assertThat(gzipped.header("Content-Length")).isEqualTo(String.valueOf(gzipped.bytes().length));
    assertThat(gzipped.header("ETag")).isEqualTo(plain.header("ETag"));
    assertThat(gunzip(gzipped.bytes())).isEqualTo(plain.bytes());
    assertThat(gzipped.bytes().length).isLessThan(plain.bytes().length);
  }

  @Test
  void theAcceptEncodingHeaderIsReadAsHttpSaysAndOnlyGzipIsSent() {
    Raw alice = alice();
    for (String accepted :
        List.of("gzip", "GZIP", "x-gzip", "*", "br;q=1.0, gzip;q=0.5", "*;q=0.1")) {
      assertThat(alice.get(LIST, "Accept-Encoding", accepted).header("Content-Encoding"))
          .as(accepted)
          .isEqualTo("gzip");
    }
    for (String refused :
        List.of("identity", "br", "deflate", "gzip;q=0", "gzip;q=0.000, *", "*;q=0", "")) {
      assertThat(alice.get(LIST, "Accept-Encoding", refused).header("Content-Encoding"))
          .as(refused)
          .isNull();
    }
  }

  @Test
  void errorsTokensAndPagesAreGzippedToo() {
    Raw raw = new Raw(EMULATOR.emulator().baseUri());
    Raw.Response error =
        raw.get("youtube/v3/videos?part=snippet&mine=true", "Accept-Encoding", "gzip");
    assertThat(error.status()).isEqualTo(401);
    assertThat(error.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(new String(gunzip(error.bytes()), StandardCharsets.UTF_8)).contains("\"required\"");

    Raw.Response page = raw.get("", "Accept-Encoding", "gzip");
    assertThat(page.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(new String(gunzip(page.bytes()), StandardCharsets.UTF_8)).contains("<h1>");
  }

  @Test
  void emptyAnswersAreNotGzipped() {
    Raw alice = alice();
    Raw.Response first = alice.get(LIST, "Accept-Encoding", "gzip");
    String etag = first.header("ETag");

    Raw.Response notModified = alice.get(LIST, "Accept-Encoding", "gzip", "If-None-Match", etag);
    assertThat(notModified.status()).isEqualTo(304);
    assertThat(notModified.header("Content-Encoding")).isNull();
    assertThat(notModified.bytes()).isEmpty();

    // The index page answers HEAD (the API's paths answer GET only, as before).
    Raw.Response head = alice.send("HEAD", "", null, null, "Accept-Encoding", "gzip");
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Content-Encoding")).isNull();
    assertThat(head.bytes()).isEmpty();

    Raw.Response rated =
        alice.send(
            "POST",
            "youtube/v3/videos/rate?id=bobVideo002&rating=like",
            null,
            null,
            "Accept-Encoding",
            "gzip");
    assertThat(rated.status()).isEqualTo(204);
    assertThat(rated.header("Content-Encoding")).isNull();
    assertThat(rated.bytes()).isEmpty();
  }

  @Test
  void captionDownloadsStayWholeThroughGzip(@TempDir Path dir) throws IOException {
    Raw alice = alice();
    String id =
        alice
            .get("youtube/v3/captions?part=id&videoId=aliceVid001")
            .json()
            .at("/items/0/id")
            .asText();
    Raw.Response plain = alice.get("youtube/v3/captions/" + id + "?tfmt=vtt");
    Raw.Response gzipped =
        alice.get("youtube/v3/captions/" + id + "?tfmt=vtt", "Accept-Encoding", "gzip");
    assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(gzipped.header("Content-Type")).isEqualTo(plain.header("Content-Type"));
    assertThat(gunzip(gzipped.bytes())).isEqualTo(plain.bytes());

    // jyoutube asks for gzip: its download and its streamed download inflate it.
    YouTubeEmulator emulator = EMULATOR.emulator();
    YouTubeClient cli =
        YouTubeClient.builder()
            .accessToken(emulator.accessToken(Account.ALICE, Scopes.YOUTUBE_FORCE_SSL))
            .endpoints(emulator.endpoints())
            .build();
    assertThat(cli.captions().download(id).tfmt("vtt").execute()).isEqualTo(plain.bytes());
    Path saved = dir.resolve("track.vtt");
    long written = cli.captions().download(id).tfmt("vtt").saveTo(saved);
    assertThat(written).isEqualTo(plain.bytes().length);
    assertThat(Files.readAllBytes(saved)).isEqualTo(plain.bytes());
  }
}
