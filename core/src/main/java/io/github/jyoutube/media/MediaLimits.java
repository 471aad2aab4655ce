package io.github.jyoutube.media;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one media upload method accepts, from the discovery document's {@code mediaUpload} block:
 * MIME types (a pattern such as {@code video/*} or {@code *}{@code /*} matches a family) and the
 * largest size. {@link #check} runs before an upload sends its first byte.
 *
 * @param method the method, such as {@code videos.insert}, for messages
 * @param accept the accepted MIME types or patterns
 * @param maxSize the largest number of bytes accepted
 */
public record MediaLimits(String method, List<String> accept, long maxSize) {

  /** {@code videos.insert}: {@code video/*}, {@code application/octet-stream}; 256 GiB. */
  public static final MediaLimits VIDEOS_INSERT =
      new MediaLimits(
          "videos.insert", List.of("video/*", "application/octet-stream"), 274_877_906_944L);

  /** {@code captions.insert}: {@code text/xml}, {@code application/octet-stream}, any; 100 MiB. */
  public static final MediaLimits CAPTIONS_INSERT =
      new MediaLimits(
          "captions.insert", List.of("text/xml", "application/octet-stream", "*/*"), 104_857_600L);

  /** {@code captions.update}: {@code text/xml}, {@code application/octet-stream}, any; 100 MiB. */
  public static final MediaLimits CAPTIONS_UPDATE =
      new MediaLimits(
          "captions.update", List.of("text/xml", "application/octet-stream", "*/*"), 104_857_600L);

  /** {@code thumbnails.set}: JPEG, PNG, {@code application/octet-stream}; 50 MiB. */
  public static final MediaLimits THUMBNAILS_SET = images("thumbnails.set", 52_428_800L);

  /** {@code playlistImages.insert}: JPEG, PNG, {@code application/octet-stream}; 50 MiB. */
  public static final MediaLimits PLAYLIST_IMAGES_INSERT =
      images("playlistImages.insert", 52_428_800L);

  /** {@code playlistImages.update}: JPEG, PNG, {@code application/octet-stream}; 50 MiB. */
  public static final MediaLimits PLAYLIST_IMAGES_UPDATE =
      images("playlistImages.update", 52_428_800L);

  /** {@code channelBanners.insert}: JPEG, PNG, {@code application/octet-stream}; 6 MiB. */
  public static final MediaLimits CHANNEL_BANNERS_INSERT =
      images("channelBanners.insert", 6_291_456L);

  /** {@code watermarks.set}: JPEG, PNG, {@code application/octet-stream}; 10 MiB. */
  public static final MediaLimits WATERMARKS_SET = images("watermarks.set", 10_485_760L);

  /**
   * Checks and copies the parts.
   *
   * @param method the value for the {@code method} record component
   * @param accept the value for the {@code accept} record component
   * @param maxSize the value for the {@code maxSize} record component
   */
  public MediaLimits {
    Objects.requireNonNull(method, "method == null");
    accept = List.copyOf(accept);
    if (accept.isEmpty()) {
      throw new IllegalArgumentException("accept must name at least one type");
    }
    if (maxSize < 0) {
      throw new IllegalArgumentException("maxSize must be >= 0: " + maxSize);
    }
  }

  /**
   * Any type, any size: for an upload method the client has no limits for.
   *
   * @param method the method's ID, for messages
   * @return limits that accept anything
   */
  public static MediaLimits any(String method) {
    return new MediaLimits(method, List.of("*/*"), Long.MAX_VALUE);
  }

  private static MediaLimits images(String method, long maxSize) {
    return new MediaLimits(
        method, List.of("image/jpeg", "image/png", "application/octet-stream"), maxSize);
  }

  /**
   * Whether {@code type} (parameters such as {@code ; charset=} ignored, any case) is accepted.
   *
   * @param type a MIME type
   * @return whether it is accepted
   */
  public boolean accepts(String type) {
    String bare = bare(type);
    for (String pattern : accept) {
      String wanted = bare(pattern);
      if (wanted.equals("*/*") || wanted.equals(bare)) {
        return true;
      }
      if (wanted.endsWith("/*") && bare.startsWith(wanted.substring(0, wanted.length() - 1))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Checks {@code media} before any byte is sent: its type, and its length when known (a stream of
   * unknown length is checked as it is read).
   *
   * @param media the media to upload
   * @throws IllegalArgumentException naming the method, the type or size and the limit
   */
  public void check(MediaContent media) {
    Objects.requireNonNull(media, "media == null");
    if (!accepts(media.type())) {
      throw new IllegalArgumentException(
          method + " does not accept media of type " + media.type() + "; it accepts " + accept);
    }
    if (media.length() >= 0) {
      checkLength(media.length());
    }
  }

  /**
   * Checks a length against {@link #maxSize}.
   *
   * @param length a length in bytes
   * @throws IllegalArgumentException if it is larger
   */
  public void checkLength(long length) {
    if (length > maxSize) {
      throw tooLarge(length + " bytes");
    }
  }

  /** Checks the bytes read so far of a stream of unknown length. */
  void checkStreamed(long seen) {
    if (seen > maxSize) {
      throw tooLarge("more than that");
    }
  }

  private IllegalArgumentException tooLarge(String has) {
    return new IllegalArgumentException(
        method
            + " accepts at most "
            + maxSize
            + " bytes ("
            + human(maxSize)
            + "); the media has "
            + has);
  }

  private static String bare(String type) {
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  private static String human(long bytes) {
    if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
      return (bytes >> 30) + " GiB";
    }
    if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
      return (bytes >> 20) + " MiB";
    }
    return bytes + " B";
  }
}
