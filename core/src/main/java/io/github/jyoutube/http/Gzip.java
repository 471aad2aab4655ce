package io.github.jyoutube.http;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Inflates a gzip body (RFC 1952) that is already in memory, in one pass into an array sized from
 * the gzip trailer. A {@link java.util.zip.GZIPInputStream} read through a buffer into a growing
 * stream costs a third more for an API answer (docs/PERFORMANCE.md). Every member's CRC-32 and
 * length are checked; concatenated members are read in turn, as {@code GZIPInputStream} does.
 */
final class Gzip {
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;
  private static final int TRAILER = 8;

  /** DEFLATE cannot compress further than this: a trailer claiming more is not believed. */
  private static final long MAX_RATIO = 1032;

  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private Gzip() {}

  /**
   * Inflates {@code gzipped}.
   *
   * @param gzipped a whole gzip body, one or more members
   * @param limit the largest inflated size accepted
   * @return the inflated bytes
   * @throws ZipException if the body is not gzip or is corrupt
   * @throws EOFException if the body ends early
   * @throws HttpTransport.ResponseTooLargeException if the inflated body exceeds {@code limit}
   */
  static byte[] inflate(byte[] gzipped, long limit) throws IOException {
    long cap = Math.min(limit, MAX_ARRAY);
    // One spare byte: with the output exactly full, the inflater has not yet read the end of the
    // stream and reports it unfinished.
    int first = (int) Math.min(Math.min(trailerSize(gzipped), gzipped.length * MAX_RATIO), cap) + 1;
    byte[] out = new byte[Math.max(first, 64)];
    int size = 0;
    Inflater inflater = new Inflater(true);
    try {
      int at = 0;
      do {
        at = skipHeader(gzipped, at);
        inflater.reset();
        inflater.setInput(gzipped, at, gzipped.length - at);
        int start = size;
        while (!inflater.finished()) {
          if (size == out.length) {
            if (size > cap) {
              throw new HttpTransport.ResponseTooLargeException(limit);
            }
            out = Arrays.copyOf(out, (int) Math.min(cap + 1, Math.max(2L * size, 1024)));
          }
          int n = inflater.inflate(out, size, out.length - size);
          size += n;
          if (n == 0 && !inflater.finished()) {
            if (inflater.needsDictionary()) {
              throw new ZipException("gzip body asks for a preset dictionary");
            }
            if (inflater.needsInput()) {
              throw new EOFException("gzip body ends before its data is complete");
            }
          }
        }
        if (size > cap) {
          throw new HttpTransport.ResponseTooLargeException(limit);
        }
        at = gzipped.length - inflater.getRemaining();
        checkTrailer(gzipped, at, out, start, size);
        at += TRAILER;
      } while (gzipped.length - at >= 2 && isMagic(gzipped, at));
    } catch (DataFormatException e) {
      throw new ZipException("gzip body is corrupt: " + e.getMessage());
    } finally {
      inflater.end();
    }
    return size == out.length ? out : Arrays.copyOf(out, size);
  }

  /** The size the last member's trailer states (modulo 2^32), or 0 if there is no trailer. */
  private static long trailerSize(byte[] gzipped) {
    return gzipped.length < 18 ? 0 : Integer.toUnsignedLong(intAt(gzipped, gzipped.length - 4));
  }

  private static boolean isMagic(byte[] bytes, int at) {
    return bytes[at] == (byte) 0x1f && bytes[at + 1] == (byte) 0x8b;
  }

  /** Returns where the compressed data of the member that starts at {@code at} begins. */
  private static int skipHeader(byte[] bytes, int at) throws IOException {
    int start = at;
    need(bytes, at, 10);
    if (!isMagic(bytes, at)) {
      throw new ZipException("body marked gzip is not in gzip format");
    }
    if (bytes[at + 2] != 8) {
      throw new ZipException("gzip body uses compression method " + (bytes[at + 2] & 0xff));
    }
    int flags = bytes[at + 3] & 0xff;
    at += 10;
    if ((flags & FEXTRA) != 0) {
      need(bytes, at, 2);
      at += 2 + ((bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8);
    }
    if ((flags & FNAME) != 0) {
      at = afterZero(bytes, at);
    }
    if ((flags & FCOMMENT) != 0) {
      at = afterZero(bytes, at);
    }
    if ((flags & FHCRC) != 0) {
      need(bytes, at, 2);
      CRC32 crc = new CRC32();
      crc.update(bytes, start, at - start);
      int stated = (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8;
      if (stated != (int) (crc.getValue() & 0xffff)) {
        throw new ZipException("gzip header checksum does not match");
      }
      at += 2;
    }
    need(bytes, at, 0);
    return at;
  }

  private static int afterZero(byte[] bytes, int at) throws EOFException {
    while (at < bytes.length && bytes[at] != 0) {
      at++;
    }
    need(bytes, at, 1);
    return at + 1;
  }

  private static void need(byte[] bytes, int at, int count) throws EOFException {
    if (at < 0 || at > bytes.length - count) {
      throw new EOFException("gzip body ends inside a member header");
    }
  }

  private static void checkTrailer(byte[] gzipped, int at, byte[] out, int start, int end)
      throws IOException {
    if (at > gzipped.length - TRAILER) {
      throw new EOFException("gzip body ends before its trailer");
    }
    CRC32 crc = new CRC32();
    crc.update(out, start, end - start);
    if (intAt(gzipped, at) != (int) crc.getValue()) {
      throw new ZipException("gzip body fails its CRC-32 check");
    }
    if (intAt(gzipped, at + 4) != end - start) { // ISIZE is the length modulo 2^32
      throw new ZipException("gzip body's length does not match its trailer");
    }
  }

  private static int intAt(byte[] bytes, int at) {
    return (bytes[at] & 0xff)
        | (bytes[at + 1] & 0xff) << 8
        | (bytes[at + 2] & 0xff) << 16
        | (bytes[at + 3] & 0xff) << 24;
  }
}
