package io.github.jyoutube.auth;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** An account token store in memory. */
final class MemoryAccountTokenStore implements AccountTokenStore {

  private final ConcurrentMap<String, AccessToken> tokens = new ConcurrentHashMap<>();

  @Override
  public Optional<AccessToken> load(String account) {
    return Optional.ofNullable(tokens.get(Accounts.check(account)));
  }

  @Override
  public void save(String account, AccessToken token) {
    tokens.put(Accounts.check(account), Objects.requireNonNull(token, "token == null"));
  }

  @Override
  public void delete(String account) {
    tokens.remove(Accounts.check(account));
  }

  @Override
  public List<String> accounts() {
    return tokens.keySet().stream().sorted().toList();
  }

  @Override
  public String toString() {
    return "AccountTokenStore.inMemory()";
  }
}
