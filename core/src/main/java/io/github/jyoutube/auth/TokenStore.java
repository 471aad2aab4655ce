package io.github.jyoutube.auth;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the client keeps its token between runs. The client loads from it when built without an
 * access token, and saves to it every token it obtains or refreshes.
 *
 * <p>Implementations must be safe for use from several threads.
 */
public interface TokenStore {

  /** {@return the stored token, if any} */
  Optional<AccessToken> load();

  /**
   * Replaces the stored token.
   *
   * @param token the token to store
   */
  void save(AccessToken token);

  /** Forgets the stored token. */
  void clear();

  /**
   * A store in a JSON file, written atomically (a temporary file, then a move) with owner-only
   * permissions on POSIX file systems.
   *
   * @param file the file; its directory is created when needed
   * @return the store
   */
  static TokenStore file(Path file) {
    return new FileTokenStore(file);
  }

  /**
   * A store that keeps the token in memory only.
   *
   * @return a store that keeps the token in memory only
   */
  static TokenStore inMemory() {
    return new MemoryTokenStore();
  }
}
