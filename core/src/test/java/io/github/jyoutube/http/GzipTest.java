package io.github.jyoutube.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class GzipTest {

  private static final long LIMIT = 1 << 20;

  @Test
  void inflatesWhatGzipOutputStreamWrote() throws IOException {
    for (int length : new int[] {0, 1, 63, 64, 65, 1000, 23_000, 200_000}) {
      byte[] plain = text(length);
      assertThat(Gzip.inflate(gzip(plain), LIMIT)).as("length %d", length).isEqualTo(plain);
    }
  }

  @Test
  void inflatesIncompressibleBytes() throws IOException {
    byte[] plain = new byte[100_000];
    new Random(7).nextBytes(plain);
    assertThat(Gzip.inflate(gzip(plain), LIMIT)).isEqualTo(plain);
  }

  @Test
  void readsConcatenatedMembersInTurn() throws IOException {
    byte[] a = text(5000);
    byte[] b = "second member".getBytes(StandardCharsets.UTF_8);
    byte[] both = concat(gzip(a), gzip(b));
    assertThat(Gzip.inflate(both, LIMIT)).isEqualTo(concat(a, b));
  }

  @Test
  void ignoresTrailingBytesThatAreNotAMember() throws IOException {
    byte[] plain = text(3000);
    assertThat(Gzip.inflate(concat(gzip(plain), new byte[] {0, 0, 0}), LIMIT)).isEqualTo(plain);
  }

  @Test
  void skipsOptionalHeaderFields() throws IOException {
    byte[] plain = text(2000);
    byte[] body = gzip(plain);
    byte[] deflated = Arrays.copyOfRange(body, 10, body.length);
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    header.write(new byte[] {0x1f, (byte) 0x8b, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, (byte) 255});
    header.write(new byte[] {3, 0, 'x', 'y', 'z'}); // FEXTRA
    header.writeBytes("name.json\0".getBytes(StandardCharsets.ISO_8859_1)); // FNAME
    header.writeBytes("a comment\0".getBytes(StandardCharsets.ISO_8859_1)); // FCOMMENT
    CRC32 crc = new CRC32();
    crc.update(header.toByteArray());
    header.write((int) crc.getValue() & 0xff); // FHCRC: the low 16 bits of the header's CRC-32
    header.write((int) (crc.getValue() >> 8) & 0xff);
    assertThat(Gzip.inflate(concat(header.toByteArray(), deflated), LIMIT)).isEqualTo(plain);

    byte[] badHeaderCrc = concat(header.toByteArray(), deflated);
    badHeaderCrc[header.size() - 1] ^= 1;
    assertThatThrownBy(() -> Gzip.inflate(badHeaderCrc, LIMIT))
        .isInstanceOf(ZipException.class)
        .hasMessageContaining("header checksum");
  }

  @Test
  void refusesABodyThatIsNotGzip() {
    byte[] json = "{\"kind\":\"youtube#playlist\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Gzip.inflate(json, LIMIT))
        .isInstanceOf(ZipException.class)
        .hasMessageContaining("not in gzip format");
  }

  @Test
  void refusesAnotherCompressionMethod() throws IOException {
    byte[] body = gzip(text(100));
    body[2] = 7;
    assertThatThrownBy(() -> Gzip.inflate(body, LIMIT))
        .isInstanceOf(ZipException.class)
        .hasMessageContaining("compression method 7");
  }

  @Test
  void aBodyCutShortIsAnEndOfFileWherever() throws IOException {
    byte[] body = gzip(text(20_000));
    for (int length : new int[] {0, 1, 5, 9, 10, 11, body.length / 2, body.length - 9}) {
      byte[] cut = Arrays.copyOf(body, length);
      assertThatThrownBy(() -> Gzip.inflate(cut, LIMIT))
          .as("cut at %d", length)
          .isInstanceOf(EOFException.class);
    }
    byte[] noTrailer = Arrays.copyOf(body, body.length - 3);
    assertThatThrownBy(() -> Gzip.inflate(noTrailer, LIMIT))
        .isInstanceOf(EOFException.class)
        .hasMessageContaining("trailer");
  }

  @Test
  void aWrongChecksumOrLengthIsCaught() throws IOException {
    byte[] body = gzip(text(4000));
    byte[] badCrc = body.clone();
    badCrc[body.length - 8] ^= 1;
    assertThatThrownBy(() -> Gzip.inflate(badCrc, LIMIT))
        .isInstanceOf(ZipException.class)
        .hasMessageContaining("CRC-32");
    byte[] badLength = body.clone();
    badLength[body.length - 4] ^= 1;
    assertThatThrownBy(() -> Gzip.inflate(badLength, LIMIT))
        .isInstanceOf(ZipException.class)
        .hasMessageContaining("length");
  }

  @Test
  void corruptDataIsAZipException() throws IOException {
    byte[] body = gzip(text(4000));
    body[10] = (byte) 0xff; // a reserved block type
    assertThatThrownBy(() -> Gzip.inflate(body, LIMIT))
        .isInstanceOf(ZipException.class)
        .hasMessageContaining("corrupt");
  }

  @Test
  void aTrailerThatOverstatesTheSizeAllocatesNoMoreThanTheDataCanHold() throws IOException {
    byte[] body = gzip(text(100));
    body[body.length - 1] = 0x7f; // claims about 2 GB
    // The claim is not believed for the first buffer; the length check then refuses it.
    assertThatThrownBy(() -> Gzip.inflate(body, Integer.MAX_VALUE))
        .isInstanceOf(ZipException.class)
        .hasMessageContaining("length");
  }

  @Test
  void aTrailerThatLiesWithinTheLimitDoesNotMakeItAllocateAhead() throws IOException {
    // 64 KiB of random bytes do not compress: the body is about 64 KiB, its trailer claims 30 MiB,
    // under the 32 MiB limit and under what 64 KiB of DEFLATE could hold.
    byte[] plain = new byte[64 * 1024];
    new Random(11).nextBytes(plain);
    byte[] body = gzip(plain);
    int claimed = 30 << 20;
    for (int i = 0; i < 4; i++) {
      body[body.length - 4 + i] = (byte) (claimed >>> (8 * i));
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    Gzip.inflate(gzip(plain), 32L << 20); // warm up: class loading and the like
    long before = threads.getThreadAllocatedBytes(thread);

    assertThatThrownBy(() -> Gzip.inflate(body, 32L << 20))
        .isInstanceOf(ZipException.class)
        .hasMessageContaining("length");

    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    // What the data held (64 KiB), its copy, and change: never the 30 MiB the trailer claimed.
    assertThat(allocated).as("bytes allocated").isLessThan(1L << 20);
  }

  @Test
  void stopsAtTheLimit() throws IOException {
    byte[] plain = new byte[10_000]; // zeros: a tiny body that inflates far past the limit
    byte[] body = gzip(plain);
    assertThat(Gzip.inflate(body, 10_000)).isEqualTo(plain);
    assertThatThrownBy(() -> Gzip.inflate(body, 9_999))
        .isInstanceOf(HttpTransport.ResponseTooLargeException.class)
        .hasMessageContaining("9999");
    byte[] small = gzip(text(10));
    byte[] large = gzip(plain);
    assertThatThrownBy(() -> Gzip.inflate(concat(small, large), 9_999))
        .isInstanceOf(HttpTransport.ResponseTooLargeException.class);
  }

  private static byte[] text(int length) {
    byte[] bytes = new byte[length];
    String words = "{\"title\":\"part review of\",\"width\":120,\"height\":90} ";
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) words.charAt((i * 7 + i / 13) % words.length());
    }
    return bytes;
  }

  private static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(plain);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
