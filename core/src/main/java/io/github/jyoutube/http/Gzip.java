package io.github.jyoutube.http;

import java.io.EOFException;
import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Inflates a gzip body (RFC 1952) that is already in memory, in one pass. The inflated bytes go
 * into a {@link BodyBuffer}, so the limit holds while inflating and memory follows the bytes
 * produced: the gzip trailer's size is only a hint for the first block, never more than {@value
 * BodyBuffer#MAX_BLOCK} bytes, so a trailer that lies cannot make it allocate. A {@link
 * java.util.zip.GZIPInputStream} read through a buffer into a growing stream costs a third more for
 * an API answer (docs/PERFORMANCE.md). Every member's CRC-32 and length are checked; concatenated
 * members are read in turn, as {@code GZIPInputStream} does.
 */
final class Gzip {
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;
  private static final int TRAILER = 8;

  /** DEFLATE cannot compress further than this: a trailer claiming more is not believed. */
  private static final long MAX_RATIO = 1032;

  private Gzip() {}

  /**
   * Inflates {@code gzipped}.
   *
   * @param gzipped a whole gzip body, one or more members
   * @param limit the largest inflated size accepted
   * @return the inflated bytes
   * @throws ZipException if the body is not gzip or is corrupt
   * @throws EOFException if the body ends early
   * @throws HttpTransport.ResponseTooLargeException if the inflated body exceeds {@code limit}, or
   *     the heap's share for response bodies
   * @throws BodyBuffer.BudgetExceededException if other bodies in memory leave no room for now
   */
  static byte[] inflate(byte[] gzipped, long limit) throws IOException {
    // One spare byte: with the output exactly full, the inflater has not yet read the end of the
    // stream and reports it unfinished.
    long hint = Math.min(trailerSize(gzipped), gzipped.length * MAX_RATIO) + 1;
    BodyBuffer out = new BodyBuffer(limit, Math.max(64, Math.min(hint, BodyBuffer.MAX_BLOCK)));
    Inflater inflater = new Inflater(true);
    try {
      out.hold(gzipped.length); // the compressed body stays in memory while it inflates
      CRC32 crc = new CRC32();
      int at = 0;
      do {
        at = skipHeader(gzipped, at);
        inflater.reset();
        inflater.setInput(gzipped, at, gzipped.length - at);
        crc.reset();
        long start = out.size();
        int idle = 0;
        while (!inflater.finished()) {
          byte[] room = out.room();
          int offset = out.roomOffset();
          int n = inflater.inflate(room, offset, room.length - offset);
          if (n > 0) {
            crc.update(room, offset, n);
            out.advance(n);
            idle = 0;
          } else if (!inflater.finished()) {
            if (inflater.needsDictionary()) {
              throw new ZipException("gzip body asks for a preset dictionary");
            }
            if (inflater.needsInput()) {
              throw new EOFException("gzip body ends before its data is complete");
            }
            if (++idle > 2) {
              throw new ZipException("gzip body is corrupt: the inflater makes no progress");
            }
          }
        }
        at = gzipped.length - inflater.getRemaining();
        checkTrailer(gzipped, at, crc, out.size() - start);
        at += TRAILER;
      } while (gzipped.length - at >= 2 && isMagic(gzipped, at));
      return out.toArray();
    } catch (DataFormatException e) {
      throw new ZipException("gzip body is corrupt: " + e.getMessage());
    } finally {
      inflater.end();
      out.release();
    }
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

  private static void checkTrailer(byte[] gzipped, int at, CRC32 crc, long length)
      throws IOException {
    if (at > gzipped.length - TRAILER) {
      throw new EOFException("gzip body ends before its trailer");
    }
    if (intAt(gzipped, at) != (int) crc.getValue()) {
      throw new ZipException("gzip body fails its CRC-32 check");
    }
    if (intAt(gzipped, at + 4) != (int) length) { // ISIZE is the length modulo 2^32
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
