package io.github.jyoutube.error;

/**
 * The media side of an upload or download failed on this machine, not the API: the file or stream
 * could not be read, changed size while it was sent, ended before its declared length, could not be
 * rewound to the byte the server asked for, or the download's target could not be written. Also an
 * upload that could make no progress: the server kept answering without holding a byte past the
 * furthest it had acknowledged (for instance taking back bytes and acknowledging them again).
 *
 * <p>Nothing is retried for it: the same source would fail the same way. An upload that failed so
 * keeps its session; it can be resumed with a readable source.
 */
public final class MediaException extends YouTubeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the source or target (never a secret)
   * @param cause the I/O exception, or {@code null}
   */
  public MediaException(String message, Throwable cause) {
    super(message, cause);
  }
}
