package io.github.jyoutube.auth;

import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** One account of an {@link AccountTokenStore}, as a {@link TokenStore}. */
final class AccountEntry implements TokenStore {

  private final AccountTokenStore store;
  private final String account;

  AccountEntry(AccountTokenStore store, String account) {
    this.store = Objects.requireNonNull(store, "store == null");
    this.account = Accounts.check(account);
  }

  String account() {
    return account;
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
