package io.github.jyoutube.emulator;

import java.util.List;

/**
 * A seeded Google account: who signs in on the consent page, and the YouTube channel it owns.
 *
 * @param sub the stable OpenID Connect subject
 * @param email the address, shown on the account chooser
 * @param name the full name
 * @param givenName the given name
 * @param familyName the family name
 * @param locale the locale
 * @param channelId the id of the account's channel
 * @param handle the channel's handle, with its {@code @}
 */
public record Account(
    String sub,
    String email,
    String name,
    String givenName,
    String familyName,
    String locale,
    String channelId,
    String handle) {

  /** Alice: the first account, chosen by {@code --auto-approve}. */
  public static final Account ALICE =
      new Account(
          "104300000000000000001",
          "alice@example.com",
          "Alice Example",
          "Alice",
          "Example",
          "en",
          "UCalice0emulator0channel",
          "@alice");

  /** Bob: the second account. */
  public static final Account BOB =
      new Account(
          "104300000000000000002",
          "bob@example.com",
          "Bob Example",
          "Bob",
          "Example",
          "en-GB",
          "UCbob00emulator0channel0",
          "@bob");

  /** The seeded accounts, in the order of the account chooser. */
  public static final List<Account> SEEDED = List.of(ALICE, BOB);

  /** {@return the profile picture URL} */
  public String picture() {
    return "https://lh3.googleusercontent.com/a/emulator-" + handle.substring(1) + "=s96-c";
  }

  /** The seeded account with this subject, email or handle, or {@code null}. */
  static Account find(String key) {
    if (key == null) {
      return null;
    }
    for (Account account : SEEDED) {
      if (account.sub.equals(key)
          || account.email.equalsIgnoreCase(key)
          || account.handle.equalsIgnoreCase(key)
          || account.channelId.equals(key)) {
        return account;
      }
    }
    return null;
  }
}
