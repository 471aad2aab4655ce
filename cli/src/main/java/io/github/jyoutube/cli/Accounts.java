package io.github.jyoutube.cli;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Account names, as {@code --account NAME} gives them, and the token file of each: {@code
 * token.json} for the default account, {@code token-NAME.json} beside it for a named one. A name
 * becomes part of a file name, so only a safe alphabet is accepted, and names are compared without
 * case (two names that differ only in case would be one file on macOS and Windows).
 */
final class Accounts {

  /** The name of the account used without {@code --account}. */
  static final String DEFAULT = "default";

  static final int MAX_LENGTH = 64;

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._@+-]{0,63}");
  private static final String PREFIX = "token-";
  private static final String SUFFIX = ".json";

  private Accounts() {}

  /**
   * The account {@code name} designates, lower-cased; {@link #DEFAULT} for {@code null}.
   *
   * @throws CliException (usage) if the name cannot be a file name
   */
  static String check(String name) {
    if (name == null) {
      return DEFAULT;
    }
    String lower = name.strip().toLowerCase(Locale.ROOT);
    if (!NAME.matcher(lower).matches()) {
      throw CliException.usage(
          "bad --account name \""
              + Terminal.printable(name)
              + "\": "
              + (name.isBlank()
                  ? "it is empty"
                  : name.length() > MAX_LENGTH
                      ? "it is longer than " + MAX_LENGTH + " characters"
                      : "an account name is letters, digits, '.', '_', '-', '@' and '+', starting"
                          + " with a letter or digit, without path separators, spaces or control"
                          + " characters"),
          "for example --account work, or --account me@example.com");
    }
    return lower;
  }

  /** The file name of {@code account}'s token. */
  static String tokenFileName(String account) {
    return DEFAULT.equals(account) ? Config.TOKEN_FILE : PREFIX + account + SUFFIX;
  }

  /** The account whose token file is named {@code fileName}, or {@code null} if none is. */
  static String fromTokenFileName(String fileName) {
    if (fileName.equals(Config.TOKEN_FILE)) {
      return DEFAULT;
    }
    if (!fileName.startsWith(PREFIX) || !fileName.endsWith(SUFFIX)) {
      return null;
    }
    String name = fileName.substring(PREFIX.length(), fileName.length() - SUFFIX.length());
    return NAME.matcher(name).matches() && !name.equals(DEFAULT) ? name : null;
  }
}
