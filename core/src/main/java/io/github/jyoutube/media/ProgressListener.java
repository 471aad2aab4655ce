package io.github.jyoutube.media;

/**
 * Told of an upload's progress after each chunk the server acknowledged, and once at the end.
 *
 * <p>It runs on the uploading thread: keep it short. An exception it throws stops the upload, which
 * keeps its session and can be resumed.
 */
@FunctionalInterface
public interface ProgressListener {

  /**
   * The server holds {@code bytesAcknowledged} bytes.
   *
   * @param bytesAcknowledged the bytes the server holds, never more than were sent
   * @param totalBytes the media's length, or -1 while unknown (a stream of unknown length)
   * @param bytesPerSecond the bytes acknowledged in this run of the upload, per second of it
   */
  void progress(long bytesAcknowledged, long totalBytes, double bytesPerSecond);

  /**
   * A listener that does nothing.
   *
   * @return a listener that does nothing
   */
  static ProgressListener none() {
    return (acknowledged, total, rate) -> {};
  }
}
