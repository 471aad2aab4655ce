package io.github.jyoutube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.auth.AccountTokenStore;
import io.github.jyoutube.auth.AuthorizationUrl;
import io.github.jyoutube.auth.JdbcTokenStore;
import io.github.jyoutube.error.ReauthorizationRequiredException;
import io.github.jyoutube.model.PlaylistListResponse;
import io.github.jyoutube.testing.Databases;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import io.github.jyoutube.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Servers and many accounts" example, line for line, on H2 and a fake Google. */
class ReadmeServersExampleTest {

  private static final String INVALID_GRANT =
      "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}";

  @TempDir Path dir;

  private final FakeGoogle google = FakeGoogle.start();
  private final List<String> askedToSignInAgain = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    google.close();
  }

  @Test
  void oneClientAViewPerUserTokensInTheDatabase() throws Exception {
    DataSource dataSource =
        Databases.dataSource(Databases.newDatabase(Databases.Kind.H2_MEMORY, dir));
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    String tokenKey = Base64.getEncoder().encodeToString(secret); // System.getenv("TOKEN_KEY")
    Path clientSecret = dir.resolve("client_secret.json");
    Files.writeString(
        clientSecret, "{\"web\":{\"client_id\":\"app\",\"client_secret\":\"GOCSPX-s3cret\"}}");
    String userId = "user-42";
    google
        .enqueue(
            "/token",
            Reply.json(200, Fixtures.token("ya29.user-42", "1//user-42", 3600)),
            Reply.json(400, INVALID_GRANT))
        .otherwise("/youtube/v3/playlists", r -> Reply.json(200, Fixtures.PLAYLISTS));

    SecretKey key = new SecretKeySpec(Base64.getDecoder().decode(tokenKey), "AES");
    AccountTokenStore tokens = JdbcTokenStore.builder(dataSource, key).build();
    YouTubeClient youtube =
        YouTubeClient.builder()
            .clientSecretsFile(clientSecret)
            .endpoints(google.endpoints())
            .accountTokenStore(tokens)
            .quotaLedger(QuotaLedger.jdbc(dataSource, "my-cloud-project"))
            .quotaBudget(QuotaBucket.DEFAULT, 9_500)
            .build();

    AuthorizationUrl auth = youtube.forAccount(userId).getAuthorizeUrl();
    String redirectUrl = "https://localhost/?state=" + auth.state() + "&code=4/consent";
    youtube.forAccount(userId).generateAccessToken(redirectUrl);

    PlaylistListResponse mine = youtube.forAccount(userId).playlists().list().mine(true).execute();
    assertThat(mine.items()).hasSize(2);
    assertThat(google.received("/youtube/v3/playlists").get(0).header("authorization"))
        .isEqualTo("Bearer ya29.user-42");
    // The unit is in the database, where every JVM of the service reserves against one budget.
    assertThat(youtube.quota().spentToday(QuotaBucket.DEFAULT)).isEqualTo(1);
    try (YouTubeClient anotherJvm =
        YouTubeClient.builder()
            .apiKey("key")
            .endpoints(google.endpoints())
            .quotaLedger(QuotaLedger.jdbc(dataSource, "my-cloud-project"))
            .build()) {
      assertThat(anotherJvm.quota().spentToday(QuotaBucket.DEFAULT)).isEqualTo(1);
    }

    // The user revokes access: the next refresh is refused.
    try {
      youtube.forAccount(userId).refreshAccessToken();
    } catch (ReauthorizationRequiredException e) {
      askedToSignInAgain.add(e.accountLabel().orElseThrow());
    }
    assertThat(askedToSignInAgain).containsExactly(userId);
    assertThat(tokens.accounts()).containsExactly(userId);
    tokens.delete(userId);
    assertThat(tokens.accounts()).isEmpty();

    youtube.close();
    assertThatThrownBy(() -> youtube.forAccount(userId))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }
}
