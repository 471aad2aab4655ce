package io.github.jyoutube.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.media.MediaContent;
import io.github.jyoutube.model.Caption;
import io.github.jyoutube.model.CaptionSnippet;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import io.github.jyoutube.testing.Fixtures;
import io.github.jyoutube.testing.RecordingSleeper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 403 for want of a scope names the scopes the method accepts, from the discovery document, and
 * those the token has: on a plain call, a download, an upload and an asynchronous call. Other 403s
 * keep their message.
 */
class InsufficientScopeTest {

  private static final String CAPTIONS = "/youtube/v3/captions";
  private static final String FORCE_SSL = "https://www.googleapis.com/auth/youtube.force-ssl";
  private static final String PARTNER = "https://www.googleapis.com/auth/youtubepartner";
  private static final String READONLY = "https://www.googleapis.com/auth/youtube.readonly";
  private static final String PROFILE = "https://www.googleapis.com/auth/userinfo.profile";
  private static final String TOKEN = "ya29.readonly-token-0123456789";

  private final FakeGoogle google = FakeGoogle.start();

  @TempDir Path dir;

  @AfterEach
  void stop() {
    google.close();
  }

  /** Google's answer to a token without the scope: the body, and the header naming the scopes. */
  private static Reply insufficientScope() {
    return Reply.json(
            403,
            Fixtures.error(
                403,
                "insufficientPermissions",
                "global",
                "Request had insufficient authentication scopes."))
        .header(
            "WWW-Authenticate",
            "Bearer realm=\"https://accounts.google.com/\", error=\"insufficient_scope\","
                + " scope=\""
                + FORCE_SSL
                + " "
                + PARTNER
                + "\"");
  }

  private YouTubeClient client(AccessToken token) {
    return YouTubeClient.builder()
        .accessToken(token)
        .endpoints(google.endpoints())
        .sleeper(new RecordingSleeper())
        .build();
  }

  private YouTubeClient readonlyClient() {
    return client(
        new AccessToken(
            TOKEN,
            null,
            "Bearer",
            null,
            READONLY + " " + PROFILE,
            null,
            Instant.now().plusSeconds(3600)));
  }

  private static void assertNamesTheScopes(Throwable thrown, String method) {
    assertThat(thrown)
        .isInstanceOfSatisfying(
            ForbiddenException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(403);
              assertThat(e.reason()).isEqualTo("insufficientPermissions");
              assertThat(e.insufficientScope()).isTrue();
              assertThat(e.method()).isEqualTo(method);
              assertThat(e.acceptedScopes()).containsExactly(FORCE_SSL, PARTNER);
              assertThat(e.grantedScopes()).containsExactly(READONLY, PROFILE);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "403 insufficientPermissions: Request had insufficient authentication"
                          + " scopes. "
                          + method
                          + " needs one of these scopes: "
                          + FORCE_SSL
                          + ", "
                          + PARTNER
                          + "; the token has: "
                          + READONLY
                          + ", "
                          + PROFILE)
                  .doesNotContain(TOKEN);
            });
  }

  @Test
  void captionsListNamesTheScopesItNeedsAndThoseTheTokenHas() {
    google.otherwise(CAPTIONS, r -> insufficientScope());
    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> readonlyClient().captions().list("aliceVid001").execute());
    assertNamesTheScopes(thrown, "captions.list");
  }

  @Test
  void aDownloadAnUploadAndAnAsynchronousCallSayTheSame() throws Exception {
    google.otherwise(CAPTIONS + "/track1", r -> insufficientScope());
    google.otherwise("/upload" + CAPTIONS, r -> insufficientScope());
    google.otherwise(CAPTIONS, r -> insufficientScope());
    YouTubeClient cli = readonlyClient();

    assertNamesTheScopes(
        org.assertj.core.api.Assertions.catchThrowable(
            () -> cli.captions().download("track1").writeTo(new ByteArrayOutputStream())),
        "captions.download");
    assertNamesTheScopes(
        org.assertj.core.api.Assertions.catchThrowable(
            () -> cli.captions().download("track1").saveTo(dir.resolve("track.srt"))),
        "captions.download");
    assertThat(dir.resolve("track.srt")).doesNotExist();

    Caption caption =
        Caption.builder()
            .snippet(
                CaptionSnippet.builder().videoId("aliceVid001").language("de").name("").build())
            .build();
    MediaContent track =
        MediaContent.of(
            "1\n00:00:00,000 --> 00:00:01,000\nHallo\n".getBytes(StandardCharsets.UTF_8),
            "application/octet-stream");
    assertNamesTheScopes(
        org.assertj.core.api.Assertions.catchThrowable(
            () -> cli.captions().insert(caption, track).execute()),
        "captions.insert");

    assertThatThrownBy(() -> cli.captions().list("aliceVid001").executeAsync().get())
        .isInstanceOf(ExecutionException.class)
        .satisfies(e -> assertNamesTheScopes(e.getCause(), "captions.list"));
  }

  @Test
  void aTokenWhoseScopesAreUnknownGetsTheAcceptedScopesOnly() {
    google.otherwise(CAPTIONS, r -> insufficientScope());
    assertThatThrownBy(() -> client(AccessToken.of(TOKEN)).captions().list("v").execute())
        .isInstanceOfSatisfying(
            ForbiddenException.class,
            e -> {
              assertThat(e.grantedScopes()).isEmpty();
              assertThat(e.getMessage())
                  .endsWith(
                      "scopes. captions.list needs one of these scopes: "
                          + FORCE_SSL
                          + ", "
                          + PARTNER);
            });
  }

  @Test
  void otherForbiddenAnswersKeepTheirMessage() {
    google.otherwise(
        CAPTIONS,
        r ->
            Reply.json(
                403,
                Fixtures.error(
                    403, "forbidden", "youtube.caption", "The permissions are insufficient.")));
    assertThatThrownBy(() -> readonlyClient().captions().list("v").execute())
        .isInstanceOfSatisfying(
            ForbiddenException.class,
            e -> {
              assertThat(e.insufficientScope()).isFalse();
              assertThat(e.acceptedScopes()).isEmpty();
              assertThat(e.method()).isNull();
              assertThat(e.getMessage())
                  .isEqualTo("403 forbidden: The permissions are insufficient.");
            });
  }

  @Test
  void theMappingNamesScopesOnlyForAnAnswerAboutScopes() {
    ErrorBody scope =
        new ErrorBody(
            403,
            "Insufficient Permission",
            "PERMISSION_DENIED",
            List.of(new ErrorDetail("insufficientPermissions", "global", null, null, null)),
            "{}",
            java.util.Map.of());
    assertThat(ApiException.of(scope, "videos.insert", List.of(FORCE_SSL), List.of()).getMessage())
        .isEqualTo(
            "403 insufficientPermissions: Insufficient Permission. videos.insert needs the"
                + " scope: "
                + FORCE_SSL);
    ErrorBody notFound = new ErrorBody(404, "Not found", null, List.of(), "{}", java.util.Map.of());
    assertThat(ApiException.of(notFound, "videos.insert", List.of(FORCE_SSL), List.of()))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("404: Not found");
  }
}
