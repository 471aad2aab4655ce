package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.auth.Scopes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Any well-formed {@code multipart/related} upload (RFC 2046: any boundary of its characters,
 * quoted or not, CRLF or LF, preamble, padding, epilogue, folded headers, base64), with media full
 * of line breaks, dashes and near-boundaries, is stored byte for byte, over HTTP.
 */
class MultipartPropertiesTest {

  /** RFC 2046's {@code bchars}; a space may not end a boundary. */
  private static final String BCHARS =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ";

  /** What a boundary may hold only when quoted. */
  private static final String SPECIALS = "()<>@,;:\\\"/[]?= ";

  private static final YouTubeEmulator EMULATOR =
      YouTubeEmulator.builder().uploadQuota(100_000).dailyQuota(Long.MAX_VALUE / 4).start();
  private static final Raw ALICE =
      new Raw(EMULATOR.baseUri()).as(EMULATOR.accessToken(Account.ALICE, Scopes.YOUTUBE));

  @AfterContainer
  static void stop() {
    EMULATOR.close();
  }

  /** The same bodies, larger, read straight by the parser in pieces of any size. */
  @Property(tries = 200)
  void theParserFindsTheSamePartsWhateverTheReadSizes(
      @ForAll("boundaries") String boundary,
      @ForAll("breaks") String headerBreak,
      @ForAll("breaks") String delimiterBreak,
      @ForAll("paddings") String padding,
      @ForAll("preambles") String preamble,
      @ForAll boolean closeBreak,
      @ForAll("texts") String epilogue,
      @ForAll boolean base64,
      @ForAll @IntRange(min = 1, max = 100_000) int size,
      @ForAll @IntRange(max = 12) int tricks,
      @ForAll @IntRange(min = 1, max = 70_000) int largestRead,
      @ForAll long seed)
      throws Exception {
    Random random = new Random(seed);
    byte[] large = new byte[size];
    random.nextBytes(large);
    MultipartBody variant =
        new MultipartBody(
            "parser",
            boundary,
            true,
            false,
            headerBreak,
            delimiterBreak,
            padding,
            preamble.replace("\n", delimiterBreak),
            closeBreak,
            epilogue,
            false,
            base64);
    byte[] media = tricky(large, boundary, tricks, random);
    byte[] metadata = "{\"snippet\":{\"title\":\"parser\"}}".getBytes(StandardCharsets.UTF_8);
    byte[] body = variant.body(new String(metadata, StandardCharsets.UTF_8), "video/webm", media);
    try (MediaFiles files = MediaFiles.temporary()) {
      Multipart.Parts parts =
          Multipart.read(
              new Dribble(body, largestRead, random),
              Multipart.boundary(variant.contentType()),
              body.length,
              Exchange.METADATA_LIMIT,
              files);
      try {
        assertThat(parts.count()).isEqualTo(2);
        assertThat(parts.metadata()).isEqualTo(metadata);
        assertThat(parts.mediaType()).isEqualTo("video/webm");
        assertThat(parts.media().bytes()).isEqualTo(media);
      } finally {
        parts.discard();
      }
    }
  }

  /** A body handed out in reads of 1 to {@code largest} bytes. */
  private static final class Dribble extends java.io.InputStream {
    private final byte[] bytes;
    private final int largest;
    private final Random random;
    private int at;

    Dribble(byte[] bytes, int largest, Random random) {
      this.bytes = bytes;
      this.largest = largest;
      this.random = random;
    }

    @Override
    public int read() {
      return at < bytes.length ? bytes[at++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (at >= bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, bytes.length - at), 1 + random.nextInt(largest));
      System.arraycopy(bytes, at, b, off, n);
      at += n;
      return n;
    }
  }

  @Property(tries = 250)
  void anyWellFormedBodyStoresExactlyTheMediaSent(
      @ForAll("boundaries") String boundary,
      @ForAll boolean quote,
      @ForAll boolean otherParameterFirst,
      @ForAll("breaks") String headerBreak,
      @ForAll("breaks") String delimiterBreak,
      @ForAll("paddings") String padding,
      @ForAll("preambles") String preamble,
      @ForAll boolean closeBreak,
      @ForAll("texts") String epilogue,
      @ForAll boolean boundaryInEpilogue,
      @ForAll boolean foldedHeader,
      @ForAll boolean base64,
      @ForAll @IntRange(min = 1, max = 4000) int size,
      @ForAll @IntRange(max = 6) int tricks,
      @ForAll long seed) {
    Random random = new Random(seed);
    byte[] noise = new byte[size];
    random.nextBytes(noise);
    boolean quoted = quote || boundary.chars().anyMatch(c -> SPECIALS.indexOf(c) >= 0);
    MultipartBody variant =
        new MultipartBody(
            "property",
            boundary,
            quoted,
            otherParameterFirst,
            headerBreak,
            delimiterBreak,
            padding,
            preamble.replace("\n", delimiterBreak),
            closeBreak,
            epilogue
                + (boundaryInEpilogue ? delimiterBreak + "--" + boundary + delimiterBreak : ""),
            foldedHeader,
            base64);
    byte[] media = tricky(noise, boundary, tricks, random);
    Raw.Response video =
        ALICE.send(
            "POST",
            "upload/youtube/v3/videos?uploadType=multipart&part=snippet",
            variant.body("{\"snippet\":{\"title\":\"property\"}}", "video/webm", media),
            variant.contentType());
    assertThat(video.status()).as(video.body()).isEqualTo(200);
    assertThat(Uploads.videoBytes(UploadTest.storeOf(EMULATOR), video.json().path("id").asText()))
        .isEqualTo(media);
  }

  /**
   * {@code noise} with near-boundaries put in: the boundary without a line break before it, a
   * prefix of it after one, and whole boundary lines followed by something that ends no boundary
   * line; never a real delimiter.
   */
  private static byte[] tricky(byte[] noise, String boundary, int tricks, Random random) {
    String[] near = {
      "--" + boundary + "\r\n",
      "\r\n--" + boundary.substring(0, random.nextInt(boundary.length())) + "\u0000",
      "\n--" + boundary + "X",
      "\r\n--" + boundary + " \tx",
      "\n--" + boundary + "\rz",
      "\r\n--\r\n",
      "\r",
      "\n"
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    for (int i = 0; i < tricks; i++) {
      int next = at + random.nextInt(noise.length - at + 1);
      out.write(noise, at, next - at);
      at = next;
      // After a letter, so that "--boundary" never starts a line.
      out.write('x');
      out.writeBytes(near[random.nextInt(near.length)].getBytes(StandardCharsets.ISO_8859_1));
    }
    out.write(noise, at, noise.length - at);
    return out.toByteArray();
  }

  @Provide
  Arbitrary<String> boundaries() {
    return Arbitraries.strings()
        .withChars(BCHARS.toCharArray())
        .ofMinLength(1)
        .ofMaxLength(70)
        .filter(b -> !b.endsWith(" "));
  }

  @Provide
  Arbitrary<String> breaks() {
    return Arbitraries.of("\r\n", "\n");
  }

  @Provide
  Arbitrary<String> paddings() {
    return Arbitraries.oneOf(
        Arbitraries.just(""),
        Arbitraries.strings().withChars(' ', '\t').ofMinLength(1).ofMaxLength(8));
  }

  /** Text before the first boundary line: never a boundary line itself. */
  @Provide
  Arbitrary<String> preambles() {
    return Arbitraries.oneOf(
        Arbitraries.just(""),
        Arbitraries.strings().withChars("abc XYZ.\n").ofMinLength(1).ofMaxLength(200));
  }

  /** Text after the closing boundary line, where anything goes. */
  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.just(""),
        Arbitraries.strings().withChars("abc XYZ.\n-").ofMinLength(1).ofMaxLength(200));
  }
}
