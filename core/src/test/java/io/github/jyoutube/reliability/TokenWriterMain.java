package io.github.jyoutube.reliability;

import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.TokenStore;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Run in a child JVM by {@link TokenFileCrashTest}: saves tokens to a file store in a loop, small
 * and large in turn, until it is killed (or a minute has passed).
 */
public final class TokenWriterMain {

  private TokenWriterMain() {}

  /** The token number {@code i} writes: its size alternates between small and large. */
  static AccessToken token(long i) {
    String pad = "x".repeat(i % 2 == 0 ? 20 : 200_000);
    return new AccessToken(
        "ya29.seq-" + i + "-" + pad,
        3599L,
        "Bearer",
        "1//0r-" + i,
        null,
        null,
        Instant.parse("2026-11-27T12:00:00Z").plusSeconds(i));
  }

  public static void main(String[] args) {
    TokenStore store = TokenStore.file(Path.of(args[0]));
    long first = Long.parseLong(args[1]);
    long end = System.nanoTime() + 60_000_000_000L;
    for (long i = first; System.nanoTime() < end; i++) {
      store.save(token(i));
      if (i == first) {
        System.out.println("started");
        System.out.flush();
      }
    }
  }
}
