package io.github.jyoutube.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens never show in toString, and the file store keeps them private and whole. */
class TokenSecrecyTest {

  private static final String ACCESS = "ya29.a0AfH6SMBx-very-secret-access-token";
  private static final String REFRESH = "1//0gLongRefreshTokenValue-secret";

  @Test
  void toStringRedactsEverySecret() {
    AccessToken token =
        new AccessToken(ACCESS, 3600L, "Bearer", REFRESH, "scope-a", "eyJ.id.token", null);
    assertThat(token.toString())
        .isEqualTo(
            "AccessToken[accessToken=ya29…(redacted), expiresIn=3600, tokenType=Bearer,"
                + " refreshToken=(redacted), scope=scope-a]")
        .doesNotContain(ACCESS)
        .doesNotContain(REFRESH)
        .doesNotContain("eyJ.id.token");
    assertThat(AccessToken.of("short").toString()).doesNotContain("short");
    assertThat(new ClientSecrets("id", "client-secret-value", java.util.List.of()).toString())
        .doesNotContain("client-secret-value");
  }

  @Test
  void fileStoreWritesOwnerOnlyAndReadsBack(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("config/jyoutube/token.json");
    TokenStore store = TokenStore.file(file);
    assertThat(store.load()).isEmpty();

    AccessToken token =
        new AccessToken(
            ACCESS, 3600L, "Bearer", REFRESH, null, null, Instant.parse("2026-01-01T00:00:00Z"));
    store.save(token);

    assertThat(store.load()).contains(token);
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file); // no temporary file left behind
    }
    assertThat(store.toString()).doesNotContain(ACCESS);

    AccessToken next = AccessToken.of("ya29.next-token-value-0123456789");
    store.save(next);
    assertThat(store.load()).contains(next);

    store.clear();
    assertThat(store.load()).isEmpty();
  }
}
