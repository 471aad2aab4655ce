package io.github.jyoutube.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.RequestOptions;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.TokenStore;
import io.github.jyoutube.media.MediaContent;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import io.github.jyoutube.testing.Fixtures;
import io.github.jyoutube.testing.RecordingSleeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's promise about exceptions, case by case: a call that was made and failed throws a
 * {@link YouTubeException} (and {@code executeAsync} fails its future with the same); misuse is
 * reported before any request with {@link IllegalArgumentException}, {@link NullPointerException}
 * or {@link IllegalStateException}; a token store's own failure passes through unchanged.
 */
class ExceptionContractTest {

  private final FakeGoogle google = FakeGoogle.start();

  @AfterEach
  void stop() {
    google.close();
  }

  private YouTubeClient.Builder client() {
    return YouTubeClient.builder().endpoints(google.endpoints()).sleeper(new RecordingSleeper());
  }

  @Test
  void aFailedCallIsAYouTubeExceptionSyncAndAsync() {
    google.otherwise(
        "/youtube/v3/videos",
        r -> Reply.json(403, Fixtures.error(403, "quotaExceeded", "youtube.quota", "quota")));
    YouTubeClient cli = client().accessToken("ya29.contract").build();

    assertThatThrownBy(() -> cli.videos().list().id("dQw4w9WgXcQ").execute())
        .isInstanceOf(QuotaExceededException.class)
        .isInstanceOf(YouTubeException.class);
    CompletableFuture<?> async = cli.videos().list().id("dQw4w9WgXcQ").executeAsync();
    assertThatThrownBy(async::get)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(QuotaExceededException.class);
    assertThatThrownBy(async::join)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(QuotaExceededException.class);
  }

  @Test
  void aMissingOrOutOfBoundsParameterIsIllegalArgumentBeforeAnyRequest() {
    YouTubeClient cli = client().accessToken("ya29.contract").build();

    assertThatThrownBy(() -> cli.captions().list(null).execute())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("videoId");
    assertThatThrownBy(() -> cli.captions().list("").execute())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("videoId");
    assertThatThrownBy(() -> cli.videos().list().id("x").maxResults(0).execute())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxResults");
    assertThat(google.received()).isEmpty();
  }

  @Test
  void aNullWhereTheLibraryNeedsAValueIsNullPointerNamingIt() {
    assertThatThrownBy(() -> MediaContent.of((Path) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("file");
    assertThatThrownBy(() -> RequestOptions.defaults().withTimeout(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> client().endpoints(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("endpoints");

    google.otherwise("/youtube/v3/videos", r -> Reply.json(200, "{\"items\":[]}"));
    YouTubeClient cli = client().accessToken("ya29.contract").build();
    cli.videos().list().id("x").regionCode("JP").regionCode(null).execute();
    assertThat(google.received("/youtube/v3/videos").get(0).query())
        .as("an optional API parameter set to null is not sent")
        .doesNotContainKey("regionCode");
  }

  @Test
  void whatTheConfigurationCannotDoIsIllegalStateBeforeAnyRequest() {
    YouTubeClient noToken = client().clientId("id").clientSecret("secret").build();
    assertThatThrownBy(() -> noToken.playlists().list().mine(true).execute())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("obtain a token first");

    YouTubeClient noClient = client().accessToken("ya29.contract").build();
    assertThatThrownBy(noClient::getAuthorizeUrl)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("clientId");

    YouTubeClient noCredentials =
        client()
            .accessToken(new AccessToken("ya29.a", 3600L, "Bearer", "1//r", null, null, null))
            .build();
    assertThatThrownBy(noCredentials::refreshAccessToken)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("client");

    assertThatThrownBy(() -> client().refreshToken("1//contract").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("clientId");
    assertThat(google.received()).isEmpty();
  }

  @Test
  void aLocalFileThatIsNotThereIsIllegalArgumentBeforeAnyRequest(@TempDir Path dir) {
    Path missing = dir.resolve("missing");

    assertThatThrownBy(() -> MediaContent.of(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(missing.toString());
    assertThatThrownBy(() -> client().clientSecretsFile(missing).build())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(missing.toString());
    assertThat(google.received()).isEmpty();
  }

  @Test
  void aTokenStoreThatFailsPassesItsExceptionThroughAndTheFreshTokenIsKept() {
    google.otherwise("/token", r -> Reply.json(200, Fixtures.token("ya29.fresh", null, 3600)));
    google.otherwise("/youtube/v3/playlists", r -> Reply.json(200, Fixtures.PLAYLISTS));
    TokenStore diskFull =
        new TokenStore() {
          @Override
          public Optional<AccessToken> load() {
            return Optional.empty();
          }

          @Override
          public void save(AccessToken token) {
            if (token.accessToken().equals("ya29.fresh")) {
              throw new UncheckedIOException(new IOException("No space left on device"));
            }
          }

          @Override
          public void clear() {}
        };
    AccessToken expired =
        new AccessToken("ya29.old", 3600L, "Bearer", "1//contract", null, null, Instant.EPOCH);
    YouTubeClient cli =
        client()
            .clientId("id")
            .clientSecret("secret")
            .accessToken(expired)
            .tokenStore(diskFull)
            .build();

    assertThatThrownBy(() -> cli.playlists().list().mine(true).execute())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("No space left on device");
    assertThat(cli.playlists().list().mine(true).execute().items()).hasSize(2);
    assertThat(google.received("/token")).hasSize(1);
    assertThat(google.received("/youtube/v3/playlists").get(0).header("Authorization"))
        .isEqualTo("Bearer ya29.fresh");
  }
}
