package io.github.jyoutube.error;

/**
 * No usable answer arrived: the connection could not be made, timed out, or was reset, or the
 * answer was larger than the client accepts. Retried with backoff, where safe, before it is thrown.
 */
public final class TransportException extends YouTubeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the method and URL (never a secret)
   * @param cause the I/O exception, or {@code null}
   */
  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
