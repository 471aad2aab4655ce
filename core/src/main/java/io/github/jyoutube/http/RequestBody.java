package io.github.jyoutube.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A request body that is streamed rather than held as one array: a slice of an array, a region of a
 * file, or the rest of an input stream. Its bytes are read as they are sent.
 *
 * <p>A {@linkplain #repeatable() repeatable} body can be sent again (after a 401, say); each send
 * reads it afresh. A stream body is read once.
 */
public final class RequestBody {

  /** The size of the buffers a body is sent in. */
  private static final int BUFFER = 64 * 1024;

  private static final RequestBody EMPTY =
      new RequestBody(0, true, HttpRequest.BodyPublishers::noBody, "empty");

  private final long length;
  private final boolean repeatable;
  private final Supplier<HttpRequest.BodyPublisher> publishers;
  private final String description;

  private RequestBody(
      long length,
      boolean repeatable,
      Supplier<HttpRequest.BodyPublisher> publishers,
      String description) {
    this.length = length;
    this.repeatable = repeatable;
    this.publishers = publishers;
    this.description = description;
  }

  /**
   * No body: {@code Content-Length: 0}.
   *
   * @return an empty body
   */
  public static RequestBody empty() {
    return EMPTY;
  }

  /**
   * {@code length} bytes of {@code bytes} from {@code offset}, sent without copying: the array must
   * not change while the body is sent.
   *
   * @param bytes the array
   * @param offset where the body starts in it
   * @param length the body's length
   * @return the body
   */
  public static RequestBody ofBytes(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (length == 0) {
      return EMPTY;
    }
    return new RequestBody(
        length,
        true,
        () ->
            new PullPublisher(
                length,
                () ->
                    new PullPublisher.Source() {
                      private int position = offset;
                      private final int end = offset + length;

                      @Override
                      public ByteBuffer next() {
                        if (position >= end) {
                          return null;
                        }
                        int n = Math.min(BUFFER, end - position);
                        ByteBuffer slice = ByteBuffer.wrap(bytes, position, n).slice();
                        position += n;
                        return slice.asReadOnlyBuffer();
                      }
                    }),
        length + " bytes");
  }

  /**
   * {@code length} bytes of {@code file} from {@code offset}, read from the file as they are sent.
   *
   * @param file the file
   * @param offset where the region starts
   * @param length how many bytes it holds
   * @param onShortRead told when the file holds fewer bytes than the region, before the send fails
   * @return the body
   */
  public static RequestBody ofFileRegion(
      Path file, long offset, long length, Consumer<IOException> onShortRead) {
    Objects.requireNonNull(file, "file == null");
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("negative offset or length: " + offset + ", " + length);
    }
    if (length == 0) {
      return EMPTY;
    }
    return new RequestBody(
        length,
        true,
        () -> new PullPublisher(length, () -> new FileRegion(file, offset, length, onShortRead)),
        length + " bytes of " + file.getFileName() + " from " + offset);
  }

  /**
   * Bytes read from {@code in} as they are sent: {@code length} of them, or up to the end of the
   * stream when {@code length} is -1 (sent with chunked transfer encoding). The stream is not
   * closed. Not repeatable.
   *
   * @param in the stream
   * @param length the number of bytes to send, or -1 for the rest of the stream
   * @return the body
   */
  public static RequestBody ofStream(InputStream in, long length) {
    Objects.requireNonNull(in, "in == null");
    if (length < -1) {
      throw new IllegalArgumentException("length must be >= -1: " + length);
    }
    if (length == 0) {
      return EMPTY;
    }
    InputStream bounded = new BoundedStream(in, length);
    Supplier<HttpRequest.BodyPublisher> publisher =
        () -> {
          HttpRequest.BodyPublisher streamed =
              HttpRequest.BodyPublishers.ofInputStream(() -> bounded);
          return length < 0 ? streamed : HttpRequest.BodyPublishers.fromPublisher(streamed, length);
        };
    return new RequestBody(
        length, false, publisher, (length < 0 ? "a stream" : length + " bytes") + " from a stream");
  }

  /** {@return the number of bytes, or -1 when unknown until the end of the stream} */
  public long length() {
    return length;
  }

  /** {@return whether the body can be sent more than once} */
  public boolean repeatable() {
    return repeatable;
  }

  /**
   * A publisher of the bytes, for one send.
   *
   * @return a publisher of the bytes
   */
  public HttpRequest.BodyPublisher publisher() {
    return publishers.get();
  }

  @Override
  public String toString() {
    return "RequestBody[" + description + "]";
  }

  /** Reads a region of a file by positional reads; reports a file shorter than the region. */
  private static final class FileRegion implements PullPublisher.Source {
    private final Path file;
    private final long end;
    private final long expected;
    private final Consumer<IOException> onShortRead;
    private FileChannel channel;
    private long position;

    FileRegion(Path file, long offset, long length, Consumer<IOException> onShortRead) {
      this.file = file;
      this.position = offset;
      this.end = offset + length;
      this.expected = length;
      this.onShortRead = onShortRead;
    }

    @Override
    public ByteBuffer next() throws IOException {
      if (position >= end) {
        return null;
      }
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(BUFFER, end - position));
      try {
        if (channel == null) {
          channel = FileChannel.open(file, StandardOpenOption.READ);
        }
        while (buffer.hasRemaining()) {
          int n = channel.read(buffer, position);
          if (n < 0) {
            throw new IOException(
                "the file ended at byte "
                    + position
                    + ", before the end of the "
                    + expected
                    + "-byte region ending at "
                    + end);
          }
          position += n;
        }
      } catch (IOException e) {
        if (onShortRead != null) {
          onShortRead.accept(e);
        }
        throw e;
      }
      return buffer.flip();
    }

    @Override
    public void close() throws IOException {
      if (channel != null) {
        channel.close();
      }
    }
  }

  /** At most {@code limit} bytes of a stream (all of it for -1), which it leaves open. */
  private static final class BoundedStream extends InputStream {
    private final InputStream in;
    private long remaining;

    BoundedStream(InputStream in, long limit) {
      this.in = in;
      this.remaining = limit < 0 ? Long.MAX_VALUE : limit;
    }

    @Override
    public int read() throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        remaining--;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int n = in.read(buffer, offset, (int) Math.min(length, remaining));
      if (n > 0) {
        remaining -= n;
      }
      return n;
    }

    @Override
    public void close() {
      // The caller owns the stream.
    }
  }
}
