package io.github.jyoutube.auth;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** A token store in memory. */
final class MemoryTokenStore implements TokenStore {

  private final AtomicReference<AccessToken> token = new AtomicReference<>();

  @Override
  public Optional<AccessToken> load() {
    return Optional.ofNullable(token.get());
  }

  @Override
  public void save(AccessToken value) {
    token.set(Objects.requireNonNull(value, "token == null"));
  }

  @Override
  public void clear() {
    token.set(null);
  }

  @Override
  public String toString() {
    return "TokenStore.inMemory()";
  }
}
