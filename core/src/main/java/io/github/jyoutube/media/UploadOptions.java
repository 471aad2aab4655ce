package io.github.jyoutube.media;

import java.time.Duration;
import java.util.Objects;

/**
 * How an upload sends its bytes: in chunks (8 MiB by default) or as one streamed request, who hears
 * of its progress, and how long one request may take. Immutable; each {@code with} method returns a
 * copy.
 */
public final class UploadOptions {

  /** Every chunk but the last must be a multiple of this: 256 KiB, as Google requires. */
  public static final int CHUNK_GRANULARITY = 256 * 1024;

  /** The default chunk size: 8 MiB. */
  public static final int DEFAULT_CHUNK_SIZE = 8 * 1024 * 1024;

  /** The largest chunk size: 512 MiB (a stream upload holds one chunk in memory). */
  public static final int MAX_CHUNK_SIZE = 512 * 1024 * 1024;

  private static final UploadOptions DEFAULTS =
      new UploadOptions(DEFAULT_CHUNK_SIZE, ProgressListener.none(), null);

  private final int chunkSize;
  private final ProgressListener progress;
  private final Duration requestTimeout;

  private UploadOptions(int chunkSize, ProgressListener progress, Duration requestTimeout) {
    this.chunkSize = chunkSize;
    this.progress = progress;
    this.requestTimeout = requestTimeout;
  }

  /** 8 MiB chunks, no listener, request timeouts scaled to the chunk. */
  public static UploadOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Chunks of {@code bytes}: more requests, but a failure costs at most one chunk, and a stream
   * upload holds one chunk in memory.
   *
   * @param bytes a positive multiple of 256 KiB ({@value #CHUNK_GRANULARITY} bytes), at most 512
   *     MiB
   * @throws IllegalArgumentException otherwise
   */
  public UploadOptions withChunkSize(int bytes) {
    if (bytes <= 0 || bytes % CHUNK_GRANULARITY != 0 || bytes > MAX_CHUNK_SIZE) {
      throw new IllegalArgumentException(
          "chunk size must be a positive multiple of 256 KiB ("
              + CHUNK_GRANULARITY
              + " bytes), at most "
              + MAX_CHUNK_SIZE
              + ": "
              + bytes);
    }
    return new UploadOptions(bytes, progress, requestTimeout);
  }

  /**
   * The whole media in one streamed request. After a failure the upload still continues from what
   * the server holds, but a stream source cannot go back, so only a file or an array can resume.
   * Needs a known length.
   */
  public UploadOptions withoutChunks() {
    return new UploadOptions(0, progress, requestTimeout);
  }

  /** Tells {@code listener} of the progress after each chunk. */
  public UploadOptions withProgress(ProgressListener listener) {
    return new UploadOptions(
        chunkSize, Objects.requireNonNull(listener, "listener == null"), requestTimeout);
  }

  /**
   * How long one request (one chunk, sending included) may take. By default the client's request
   * timeout plus one second per 64 KiB of the request's body, so that slow links still finish a
   * chunk.
   */
  public UploadOptions withRequestTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout == null");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    return new UploadOptions(chunkSize, progress, timeout);
  }

  /** Whether the media goes in chunks. */
  public boolean chunked() {
    return chunkSize > 0;
  }

  /** The chunk size in bytes, or 0 for one request. */
  public int chunkSize() {
    return chunkSize;
  }

  /** The progress listener. */
  public ProgressListener progress() {
    return progress;
  }

  /** The fixed timeout of one request, or {@code null} when it is scaled to the body. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  @Override
  public String toString() {
    return "UploadOptions["
        + (chunked() ? "chunks of " + chunkSize + " bytes" : "one request")
        + (requestTimeout == null ? "" : ", timeout " + requestTimeout)
        + "]";
  }
}
