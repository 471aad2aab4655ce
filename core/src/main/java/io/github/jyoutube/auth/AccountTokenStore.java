package io.github.jyoutube.auth;

import io.github.jyoutube.error.ReauthorizationRequiredException;
import io.github.jyoutube.http.AccountEntry;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The tokens of many accounts, each under an account key the application chooses (its own user ID,
 * an email address): where a server keeps the tokens of its users. A client built with one ({@code
 * YouTubeClient.Builder.accountTokenStore}) makes a view per account with {@code
 * forAccount(account)}, which loads that account's token from here and saves every new one back.
 *
 * <p>{@link TokenStore} stays the store of a client with one user (the CLI, a script); {@link
 * #entry} is one account of this store seen as a {@link TokenStore}.
 *
 * <p>Implementations must be safe for use from several threads. A store shared between processes
 * (several JVMs of one service, with {@link JdbcTokenStore}) overrides {@link #refresh}, so that
 * one refresh is made per expiry among them all.
 */
public interface AccountTokenStore {

  /**
   * The account's token.
   *
   * @param account the account key
   * @return the stored token, if any
   * @throws io.github.jyoutube.error.TokenStoreException if it cannot be read
   */
  Optional<AccessToken> load(String account);

  /**
   * Stores {@code token} as the account's token, replacing any other.
   *
   * @param account the account key
   * @param token the token
   * @throws io.github.jyoutube.error.TokenStoreException if it cannot be written
   */
  void save(String account, AccessToken token);

  /**
   * Forgets the account's token (signing out); nothing happens when there is none.
   *
   * @param account the account key
   * @throws io.github.jyoutube.error.TokenStoreException if it cannot be deleted
   */
  void delete(String account);

  /**
   * The accounts that have a token here.
   *
   * @return their keys, sorted
   * @throws io.github.jyoutube.error.TokenStoreException if they cannot be read
   */
  List<String> accounts();

  /**
   * Replaces the account's token {@code stale}, which is about to expire or was rejected: with the
   * token stored since by someone else, or by calling {@code refresher} and storing its result. The
   * client's token manager calls it for every refresh of an account view, one call at a time per
   * account and process.
   *
   * <p>This default suits a store used by one process: when the stored token is another than {@code
   * stale}, it is returned; otherwise the stored token is refreshed and saved. A store shared
   * between processes makes sure that, of the processes that find the same stale token, one
   * refreshes and the others take its token.
   *
   * @param account the account key
   * @param stale the token the caller holds
   * @param refresher obtains a new token from the one given (the stored one) with its refresh
   *     token; called at most once
   * @return the token to use: the one stored meanwhile, or {@code refresher}'s, now stored
   * @throws ReauthorizationRequiredException if the account's token is no longer in the store
   *     (signed out elsewhere), or as {@code refresher} throws it
   */
  default AccessToken refresh(
      String account, AccessToken stale, UnaryOperator<AccessToken> refresher) {
    AccessToken stored = load(account).orElseThrow(() -> signedOut(account));
    if (!stored.accessToken().equals(stale.accessToken())) {
      return stored;
    }
    AccessToken fresh = refresher.apply(stored);
    save(account, fresh);
    return fresh;
  }

  /**
   * One account of this store, as the {@link TokenStore} of a client with one user. Its refreshes
   * go through {@link #refresh}.
   *
   * @param account the account key
   * @return the account's entry
   */
  default TokenStore entry(String account) {
    return new AccountEntry(this, Accounts.check(account));
  }

  /**
   * A store that keeps the tokens in memory, for one process.
   *
   * @return an empty store
   */
  static AccountTokenStore inMemory() {
    return new MemoryAccountTokenStore();
  }

  /**
   * The failure of a refresh for an account whose token was deleted from the store meanwhile.
   *
   * @param account the account key
   * @return the exception, naming the account
   */
  static ReauthorizationRequiredException signedOut(String account) {
    return new ReauthorizationRequiredException(
        "no_refresh_token",
        "the account's token is no longer in the token store (signed out elsewhere): sign in again",
        -1,
        account);
  }
}
