package io.github.jyoutube.media;

import io.github.jyoutube.error.MediaException;
import io.github.jyoutube.http.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of one upload, served chunk by chunk from any offset the server asks for that the
 * source can still reach. Not thread-safe: one upload reads it.
 */
abstract class MediaSource {

  /**
   * A part of the media, ready to send.
   *
   * @param offset the position of its first byte
   * @param length its length; -1 for the rest of a stream of unknown length
   * @param total the media's total length if known now, else -1
   * @param body the bytes
   */
  record Chunk(long offset, long length, long total, RequestBody body) {

    /** Whether this chunk ends the media. */
    boolean last() {
      return total >= 0 && length >= 0 && offset + length == total;
    }
  }

  private volatile RuntimeException failure;

  /** The total length if known now, else -1 (a stream's becomes known at its end). */
  abstract long total();

  /** Whether the byte at {@code offset} can still be read. */
  abstract boolean canReadFrom(long offset);

  /**
   * The chunk of at most {@code max} bytes from {@code offset}.
   *
   * @throws MediaException if the source cannot be read there
   */
  abstract Chunk chunk(long offset, int max);

  /**
   * Everything from {@code offset} to the end, streamed.
   *
   * @throws MediaException if the source cannot be read there
   */
  abstract Chunk rest(long offset);

  /**
   * A failure of the source recorded while the HTTP client read a body from it, which makes the
   * send fail with an I/O error; {@code null} if there was none. Cleared by the call.
   */
  final RuntimeException takeFailure() {
    RuntimeException recorded = failure;
    failure = null;
    return recorded;
  }

  final void fail(RuntimeException e) {
    if (failure == null) {
      failure = e;
    }
  }

  /** A file, read by region: any offset can be served again. */
  static final class FileSource extends MediaSource {
    private final Path file;
    private final long size;

    FileSource(Path file, long size) {
      this.file = file;
      this.size = size;
    }

    @Override
    long total() {
      return size;
    }

    @Override
    boolean canReadFrom(long offset) {
      return offset >= 0 && offset <= size;
    }

    @Override
    Chunk chunk(long offset, int max) {
      return region(offset, Math.min(max, size - offset));
    }

    @Override
    Chunk rest(long offset) {
      return region(offset, size - offset);
    }

    private Chunk region(long offset, long length) {
      long now;
      try {
        now = Files.size(file);
      } catch (IOException e) {
        throw new MediaException("cannot read " + file + ": " + e, e);
      }
      if (now != size) {
        throw new MediaException(
            file + " changed size during the upload: " + size + " bytes, now " + now, null);
      }
      RequestBody body =
          RequestBody.ofFileRegion(
              file,
              offset,
              length,
              e -> fail(new MediaException("reading " + file + " failed: " + e.getMessage(), e)));
      return new Chunk(offset, length, size, body);
    }
  }

  /** An array in memory. */
  static final class BytesSource extends MediaSource {
    private final byte[] bytes;

    BytesSource(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    long total() {
      return bytes.length;
    }

    @Override
    boolean canReadFrom(long offset) {
      return offset >= 0 && offset <= bytes.length;
    }

    @Override
    Chunk chunk(long offset, int max) {
      int length = (int) Math.min(max, bytes.length - offset);
      return new Chunk(
          offset, length, bytes.length, RequestBody.ofBytes(bytes, (int) offset, length));
    }

    @Override
    Chunk rest(long offset) {
      return chunk(offset, Integer.MAX_VALUE);
    }
  }

  /**
   * A stream, read once. In chunks, it keeps a window of at most one chunk and one byte in memory:
   * the bytes from the server's acknowledged offset on, which a failed or partly kept chunk sends
   * again. Whole, it streams straight through and keeps nothing.
   */
  static final class StreamSource extends MediaSource {
    private final InputStream in;
    private final long declared;
    private final MediaLimits limits;
    private byte[] window;
    private long windowStart;
    private int filled;
    private long position; // bytes read from the stream so far
    private long end = -1; // the stream's length, once its end was seen

    StreamSource(InputStream in, long declared, MediaLimits limits) {
      this.in = in;
      this.declared = declared;
      this.limits = limits;
    }

    @Override
    long total() {
      return declared >= 0 ? declared : end;
    }

    @Override
    boolean canReadFrom(long offset) {
      return offset >= windowStart && (total() < 0 || offset <= total());
    }

    @Override
    Chunk chunk(long offset, int max) {
      moveTo(offset);
      if (window == null || window.length < max + 1) {
        byte[] larger = new byte[max + 1];
        if (window != null) {
          System.arraycopy(window, 0, larger, 0, filled);
        }
        window = larger;
      }
      // With a known length read exactly up to it; otherwise one byte past the chunk, to learn
      // whether the chunk is the last.
      long wanted = declared >= 0 ? Math.min(max, declared - offset) : max + 1L;
      while (filled < wanted && end < 0) {
        int n = read(window, filled, (int) (wanted - filled));
        if (n < 0) {
          reachedEnd(windowStart + filled);
        } else {
          filled += n;
          position += n;
          checkSize(position);
        }
      }
      int length = Math.min(max, filled);
      return new Chunk(offset, length, total(), RequestBody.ofBytes(window, 0, length));
    }

    @Override
    Chunk rest(long offset) {
      moveTo(offset);
      if (filled > 0) {
        throw new MediaException("a stream read in chunks cannot continue unchunked", null);
      }
      long remaining = declared >= 0 ? declared - offset : -1;
      InputStream counted =
          new InputStream() {
            @Override
            public int read() throws IOException {
              byte[] one = new byte[1];
              return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
              int n;
              try {
                n = in.read(buffer, off, len);
              } catch (IOException e) {
                fail(new MediaException("reading the stream failed: " + e.getMessage(), e));
                throw e;
              }
              if (n < 0) {
                if (declared >= 0 && position < declared) {
                  IOException shorter = shortStream(position);
                  fail(new MediaException(shorter.getMessage(), null));
                  throw shorter;
                }
                end = position;
                return n;
              }
              position += n;
              windowStart = position;
              try {
                checkSize(position);
              } catch (IllegalArgumentException tooLarge) {
                fail(tooLarge);
                throw new IOException(tooLarge.getMessage());
              }
              return n;
            }
          };
      return new Chunk(offset, remaining, total(), RequestBody.ofStream(counted, remaining));
    }

    /** Drops the window's bytes before {@code offset}, or skips the stream forward to it. */
    private void moveTo(long offset) {
      if (offset < windowStart) {
        throw new MediaException(
            "cannot rewind the stream to byte "
                + offset
                + ": the server holds fewer bytes than were dropped from memory (from "
                + windowStart
                + "); a stream upload can only continue from its last chunk",
            null);
      }
      long windowEnd = windowStart + filled;
      if (offset <= windowEnd) {
        int drop = (int) (offset - windowStart);
        if (drop > 0) {
          System.arraycopy(window, drop, window, 0, filled - drop);
          filled -= drop;
        }
        windowStart = offset;
        return;
      }
      // A resumed upload: the server holds bytes this process never read. Skip them.
      byte[] scratch = new byte[65536];
      while (position < offset) {
        int n = read(scratch, 0, (int) Math.min(scratch.length, offset - position));
        if (n < 0) {
          reachedEnd(position);
          throw new MediaException(
              "the stream ended at byte " + position + ", before byte " + offset, null);
        }
        position += n;
      }
      windowStart = offset;
      filled = 0;
    }

    private int read(byte[] buffer, int offset, int length) {
      try {
        int n = in.read(buffer, offset, length);
        while (n == 0) {
          n = in.read(buffer, offset, length);
        }
        return n;
      } catch (IOException e) {
        throw new MediaException("reading the stream failed: " + e.getMessage(), e);
      }
    }

    private void reachedEnd(long at) {
      if (declared >= 0 && at < declared) {
        throw new MediaException(shortStream(at).getMessage(), null);
      }
      end = at;
    }

    private IOException shortStream(long at) {
      return new IOException(
          "the stream ended at byte " + at + ", before its declared length " + declared);
    }

    private void checkSize(long seen) {
      if (declared < 0 && limits != null) {
        limits.checkStreamed(seen);
      }
    }
  }
}
