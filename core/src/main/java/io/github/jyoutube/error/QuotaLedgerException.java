package io.github.jyoutube.error;

/**
 * The quota ledger could not be read or written (its database is unreachable, refused a statement,
 * or the table could not be made). The call that needed it was not sent: a client with a shared
 * ledger never spends units it could not record.
 */
public final class QuotaLedgerException extends YouTubeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed (never a JDBC URL, which may hold a password)
   * @param cause the {@link java.sql.SQLException} or other cause, or {@code null}
   */
  public QuotaLedgerException(String message, Throwable cause) {
    super(message, cause);
  }
}
