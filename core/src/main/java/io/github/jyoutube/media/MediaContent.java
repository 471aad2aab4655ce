package io.github.jyoutube.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bytes of an upload with their MIME type and length: a file, an input stream or an array.
 *
 * <p>A file or an array can be read again, so an upload of one survives anything, even an expired
 * session. A stream is read once, front to back: the upload keeps only the bytes the server has not
 * yet acknowledged, at most one chunk, so a stream upload survives failures within a chunk but
 * cannot start over. A stream can be given to one upload only.
 *
 * <p>Instances are immutable; {@link #toString()} never shows the content.
 */
public final class MediaContent {

  /** The MIME type of every file extension the client knows, lower case, without the dot. */
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("mp4", "video/mp4"),
          Map.entry("m4v", "video/x-m4v"),
          Map.entry("mov", "video/quicktime"),
          Map.entry("qt", "video/quicktime"),
          Map.entry("webm", "video/webm"),
          Map.entry("mkv", "video/x-matroska"),
          Map.entry("avi", "video/x-msvideo"),
          Map.entry("wmv", "video/x-ms-wmv"),
          Map.entry("flv", "video/x-flv"),
          Map.entry("3gp", "video/3gpp"),
          Map.entry("3g2", "video/3gpp2"),
          Map.entry("mpg", "video/mpeg"),
          Map.entry("mpeg", "video/mpeg"),
          Map.entry("mts", "video/mp2t"),
          Map.entry("m2ts", "video/mp2t"),
          Map.entry("ts", "video/mp2t"),
          Map.entry("ogv", "video/ogg"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("png", "image/png"),
          Map.entry("gif", "image/gif"),
          Map.entry("bmp", "image/bmp"),
          Map.entry("webp", "image/webp"),
          Map.entry("xml", "text/xml"),
          Map.entry("ttml", "application/ttml+xml"),
          Map.entry("dfxp", "application/ttml+xml"),
          Map.entry("srt", "application/x-subrip"),
          Map.entry("vtt", "text/vtt"),
          Map.entry("sbv", "text/plain"),
          Map.entry("sub", "text/plain"),
          Map.entry("txt", "text/plain"));

  /** The fallback type of bytes of unknown kind. */
  public static final String OCTET_STREAM = "application/octet-stream";

  private final String type;
  private final long length;
  private final Path file;
  private final byte[] bytes;
  private final InputStream stream;
  private final AtomicBoolean streamTaken;

  private MediaContent(String type, long length, Path file, byte[] bytes, InputStream stream) {
    this.type = checkType(type);
    this.length = length;
    this.file = file;
    this.bytes = bytes;
    this.stream = stream;
    this.streamTaken = stream == null ? null : new AtomicBoolean();
  }

  /**
   * A file, its type from its extension ({@code .mp4} is {@code video/mp4}, {@code .png} is {@code
   * image/png}, …), else from {@link Files#probeContentType}, else {@code
   * application/octet-stream}; its length read now.
   *
   * @param file a regular file
   * @return the content
   * @throws IllegalArgumentException if {@code file} is not a readable regular file
   * @throws UncheckedIOException if its size cannot be read
   */
  public static MediaContent of(Path file) {
    Objects.requireNonNull(file, "file == null");
    return of(file, typeOf(file));
  }

  /**
   * A file of the given type, its length read now.
   *
   * @param file a regular file
   * @param type its MIME type, such as {@code video/mp4}
   * @return the content
   * @throws IllegalArgumentException if {@code file} is not a readable regular file, or the type is
   *     not of the form {@code type/subtype}
   * @throws UncheckedIOException if its size cannot be read
   */
  public static MediaContent of(Path file, String type) {
    Objects.requireNonNull(file, "file == null");
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IllegalArgumentException("not a readable regular file: " + file);
    }
    try {
      return new MediaContent(type, Files.size(file), file, null, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of " + file, e);
    }
  }

  /**
   * A stream, read once from its current position. The upload does not close it.
   *
   * @param in the bytes
   * @param type their MIME type
   * @param length how many bytes it holds, or -1 when unknown (the size is then only known, and
   *     checked against a method's limit, as the stream is read)
   * @return the content
   */
  public static MediaContent of(InputStream in, String type, long length) {
    Objects.requireNonNull(in, "in == null");
    if (length < -1) {
      throw new IllegalArgumentException("length must be -1 (unknown) or >= 0: " + length);
    }
    return new MediaContent(type, length, null, null, in);
  }

  /**
   * An array, copied.
   *
   * @param bytes the bytes
   * @param type their MIME type
   * @return the content
   */
  public static MediaContent of(byte[] bytes, String type) {
    Objects.requireNonNull(bytes, "bytes == null");
    return new MediaContent(type, bytes.length, null, bytes.clone(), null);
  }

  /**
   * The MIME type of a file: from its extension, else {@link Files#probeContentType}, else {@code
   * application/octet-stream}.
   *
   * @param file the file
   * @return its MIME type
   */
  public static String typeOf(Path file) {
    Path name = file.getFileName();
    String text = name == null ? "" : name.toString();
    int dot = text.lastIndexOf('.');
    if (dot >= 0) {
      String known = TYPES.get(text.substring(dot + 1).toLowerCase(Locale.ROOT));
      if (known != null) {
        return known;
      }
    }
    try {
      String probed = Files.probeContentType(file);
      if (probed != null && probed.indexOf('/') > 0) {
        return probed;
      }
    } catch (IOException | SecurityException e) {
      // Fall through to the generic type.
    }
    return OCTET_STREAM;
  }

  /** {@return the MIME type} */
  public String type() {
    return type;
  }

  /** {@return the number of bytes, or -1 when unknown (a stream of unknown length)} */
  public long length() {
    return length;
  }

  /**
   * Whether the bytes can be read again from the start: true for a file or an array.
   *
   * @return whether the bytes can be read again from the start
   */
  public boolean isRepeatable() {
    return stream == null;
  }

  /** {@return the file, if the content is one} */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** Opens the bytes for one upload, checking a stream's length against {@code limits}. */
  MediaSource open(MediaLimits limits) {
    if (file != null) {
      return new MediaSource.FileSource(file, length);
    }
    if (bytes != null) {
      return new MediaSource.BytesSource(bytes);
    }
    if (!streamTaken.compareAndSet(false, true)) {
      throw new IllegalStateException(
          "this MediaContent's stream was already given to an upload; a stream is read once");
    }
    return new MediaSource.StreamSource(stream, length, limits);
  }

  private static String checkType(String type) {
    Objects.requireNonNull(type, "type == null");
    String trimmed = type.trim();
    int slash = trimmed.indexOf('/');
    if (slash <= 0 || slash == trimmed.length() - 1) {
      throw new IllegalArgumentException("not a MIME type (type/subtype): '" + type + "'");
    }
    return trimmed;
  }

  @Override
  public String toString() {
    String source;
    if (file != null) {
      source = "file " + file.getFileName();
    } else if (bytes != null) {
      source = "bytes";
    } else {
      source = "stream";
    }
    return "MediaContent["
        + type
        + ", "
        + (length < 0 ? "unknown length" : length + " bytes")
        + ", "
        + source
        + "]";
  }
}
