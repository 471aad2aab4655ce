package io.github.jyoutube.error;

import java.util.Objects;
import java.util.Optional;

/**
 * A token store could not give or keep an account's token: the stored token was sealed with another
 * key, the stored bytes are damaged, or the store itself failed (its database).
 *
 * <p>The message names the account and what was wrong, never the token, the stored bytes or the
 * key.
 */
public final class TokenStoreException extends YouTubeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /**
     * The token was encrypted with another key than the store's (the key was changed, or the rows
     * come from another deployment).
     */
    WRONG_KEY,
    /**
     * The stored bytes are not a token this store wrote for this account: truncated, altered, moved
     * from another account's row, or not in the store's format.
     */
    CORRUPTED,
    /** The store could not be read or written (a database error). */
    UNAVAILABLE
  }

  /** What went wrong. */
  private final Kind kind;

  /** The account whose token it was, or {@code null}. */
  private final String account;

  /**
   * Creates the exception.
   *
   * @param kind what went wrong
   * @param account the account whose token it was, or {@code null} when the failure concerns no one
   *     account
   * @param message what happened, naming no secret
   * @param cause the underlying failure, or {@code null}
   */
  public TokenStoreException(Kind kind, String account, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind == null");
    this.account = account;
  }

  /** {@return what went wrong} */
  public Kind kind() {
    return kind;
  }

  /** {@return the account whose token it was, if the failure concerns one} */
  public Optional<String> account() {
    return Optional.ofNullable(account);
  }
}
