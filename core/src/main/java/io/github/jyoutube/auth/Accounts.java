package io.github.jyoutube.auth;

/** What an account key may be. */
final class Accounts {

  /** The longest account key, in characters: what the JDBC store's key column holds. */
  static final int MAX_LENGTH = 255;

  private Accounts() {}

  /**
   * Checks an account key.
   *
   * @throws IllegalArgumentException if it is missing, blank or too long
   */
  static String check(String account) {
    if (account == null) {
      throw new IllegalArgumentException("account == null");
    }
    if (account.isBlank()) {
      throw new IllegalArgumentException("the account key is empty or blank");
    }
    if (account.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "the account key is " + account.length() + " characters long, at most " + MAX_LENGTH);
    }
    return account;
  }
}
