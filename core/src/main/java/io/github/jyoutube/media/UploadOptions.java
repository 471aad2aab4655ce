package io.github.jyoutube.media;

import io.github.jyoutube.http.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * How an upload sends its bytes, who hears of its progress, and how long one request may take.
 * Immutable; each {@code with} method returns a copy.
 *
 * <p>By default a file or a byte array goes in one streamed request: the session stays resumable
 * (after a dropped connection the upload asks what the server holds and sends the rest), and one
 * request runs at the link's full speed, while every chunk costs a request and a round trip. A
 * stream, which cannot go back, goes in 8 MiB chunks, each held in memory until the server has it;
 * so does an upload with a progress listener, which is told of the progress as chunks are
 * acknowledged. This follows Google's advice for its resumable protocol: use chunks only when they
 * are needed. {@link #withChunkSize} and {@link #withoutChunks} decide for every media.
 */
public final class UploadOptions {

  /** Every chunk but the last must be a multiple of this: 256 KiB, as Google requires. */
  public static final int CHUNK_GRANULARITY = 256 * 1024;

  /** The default chunk size: 8 MiB. */
  public static final int DEFAULT_CHUNK_SIZE = 8 * 1024 * 1024;

  /** The largest chunk size: 512 MiB (a stream upload holds one chunk in memory). */
  public static final int MAX_CHUNK_SIZE = 512 * 1024 * 1024;

  /** Who decides between chunks and one request. */
  private enum Mode {
    /** Chunks for a stream or with a progress listener, one request otherwise. */
    BY_MEDIA,
    CHUNKS,
    ONE_REQUEST
  }

  private static final UploadOptions DEFAULTS =
      new UploadOptions(Mode.BY_MEDIA, DEFAULT_CHUNK_SIZE, null, null);

  private final Mode mode;
  private final int chunkSize;
  private final ProgressListener progress; // null: none set
  private final Duration requestTimeout;

  private UploadOptions(
      Mode mode, int chunkSize, ProgressListener progress, Duration requestTimeout) {
    this.mode = mode;
    this.chunkSize = chunkSize;
    this.progress = progress;
    this.requestTimeout = requestTimeout;
  }

  /**
   * One request for a file or an array, 8 MiB chunks for a stream or when a progress listener is
   * set; no listener; request timeouts scaled to the body.
   *
   * @return the default options
   */
  public static UploadOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Chunks of {@code bytes} for every media: more requests, but a failure costs at most one chunk,
   * progress is told after each, and a stream upload holds one chunk in memory.
   *
   * @param bytes a positive multiple of 256 KiB ({@value #CHUNK_GRANULARITY} bytes), at most 512
   *     MiB
   * @return a copy with chunks of {@code bytes}
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
    return new UploadOptions(Mode.CHUNKS, bytes, progress, requestTimeout);
  }

  /**
   * The whole media in one streamed request, for every media. After a failure the upload still
   * continues from what the server holds, but a stream source cannot go back, so only a file or an
   * array can resume. Needs a known length.
   *
   * @return a copy without chunks
   */
  public UploadOptions withoutChunks() {
    return new UploadOptions(Mode.ONE_REQUEST, 0, progress, requestTimeout);
  }

  /**
   * Tells {@code listener} of the progress after each chunk; with the defaults, this makes a file
   * or an array go in chunks too.
   *
   * @param listener the listener
   * @return a copy with {@code listener}
   */
  public UploadOptions withProgress(ProgressListener listener) {
    return new UploadOptions(
        mode, chunkSize, Objects.requireNonNull(listener, "listener == null"), requestTimeout);
  }

  /**
   * How long one request (one chunk, sending included) may take. By default the client's request
   * timeout plus one second per 64 KiB of the request's body, so that slow links still finish a
   * chunk.
   *
   * @param timeout the time limit of one request
   * @return a copy with that time limit
   */
  public UploadOptions withRequestTimeout(Duration timeout) {
    return new UploadOptions(mode, chunkSize, progress, Durations.positive(timeout, "timeout"));
  }

  /**
   * Whether {@code media} goes in chunks with these options.
   *
   * @param media the media to upload
   * @return whether it goes in chunks
   */
  public boolean chunksFor(MediaContent media) {
    Objects.requireNonNull(media, "media == null");
    return switch (mode) {
      case CHUNKS -> true;
      case ONE_REQUEST -> false;
      case BY_MEDIA -> !media.isRepeatable() || media.length() < 0 || progress != null;
    };
  }

  /**
   * The size of the chunks, when chunks are used; 0 after {@link #withoutChunks}.
   *
   * @return the size of the chunks
   */
  public int chunkSize() {
    return chunkSize;
  }

  /** {@return the progress listener} */
  public ProgressListener progress() {
    return progress != null ? progress : ProgressListener.none();
  }

  /** {@return the fixed timeout of one request, or {@code null} when it is scaled to the body} */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  @Override
  public String toString() {
    String how =
        switch (mode) {
          case CHUNKS -> "chunks of " + chunkSize + " bytes";
          case ONE_REQUEST -> "one request";
          case BY_MEDIA ->
              "one request for a file or an array, chunks of "
                  + chunkSize
                  + " bytes"
                  + " for a stream or with a progress listener";
        };
    return "UploadOptions["
        + how
        + (progress == null ? "" : ", with progress")
        + (requestTimeout == null ? "" : ", timeout " + requestTimeout)
        + "]";
  }
}
