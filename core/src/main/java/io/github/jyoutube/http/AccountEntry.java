package io.github.jyoutube.http;

import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.AccountTokenStore;
import io.github.jyoutube.auth.TokenStore;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One account of an {@link AccountTokenStore}, as a {@link TokenStore}: what {@link
 * AccountTokenStore#entry} gives, and what {@link TokenManager} recognizes to refresh through the
 * store.
 */
public final class AccountEntry implements TokenStore {

  private final AccountTokenStore store;
  private final String account;

  /**
   * The entry of one account.
   *
   * @param store the store
   * @param account the account key, already checked by the store
   */
  public AccountEntry(AccountTokenStore store, String account) {
    this.store = Objects.requireNonNull(store, "store == null");
    this.account = Objects.requireNonNull(account, "account == null");
  }

  @Override
  public Optional<AccessToken> load() {
    return store.load(account);
  }

  @Override
  public void save(AccessToken token) {
    store.save(account, token);
  }

  @Override
  public void clear() {
    store.delete(account);
  }

  /** The store's refresh of this account: see {@link AccountTokenStore#refresh}. */
  AccessToken refresh(AccessToken stale, UnaryOperator<AccessToken> refresher) {
    return store.refresh(account, stale, refresher);
  }

  @Override
  public String toString() {
    return store + ".entry(" + account + ")";
  }
}
