package io.github.jyoutube.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** Deterministic media of any length, generated fast and never held whole. */
final class TestData {

  /** A prime, so that the pattern never lines up with 256 KiB chunk boundaries. */
  private static final int BLOCK = 1_048_573;

  private TestData() {}

  /** {@code length} bytes generated from {@code seed}: the same seed gives the same bytes. */
  static InputStream stream(long length, int seed) {
    byte[] block = new byte[BLOCK];
    new SplittableRandom(seed).nextBytes(block);
    return new InputStream() {
      private long position;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] buffer, int offset, int count) {
        if (position >= length) {
          return -1;
        }
        int n = (int) Math.min(count, length - position);
        int done = 0;
        while (done < n) {
          int at = (int) (position % BLOCK);
          byte round = (byte) (position / BLOCK);
          int run = Math.min(n - done, BLOCK - at);
          for (int i = 0; i < run; i++) {
            buffer[offset + done + i] = (byte) (block[at + i] ^ round);
          }
          done += run;
          position += run;
        }
        return n;
      }
    };
  }

  static byte[] bytes(int length, int seed) {
    try {
      return stream(length, seed).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path file(Path dir, String name, long length, int seed) {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file);
        InputStream in = stream(length, seed)) {
      in.transferTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  static String sha256(InputStream in) {
    MessageDigest digest = ResumableFixture.sha256Digest();
    byte[] buffer = new byte[1 << 16];
    try (in) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(ResumableFixture.sha256Digest().digest(bytes));
  }

  static String sha256(Path file) {
    try {
      return sha256(Files.newInputStream(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
