package io.github.jyoutube.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.error.OAuthException;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import io.github.jyoutube.testing.Fixtures;
import io.github.jyoutube.testing.MutableClock;
import io.github.jyoutube.testing.RecordingSleeper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the token endpoint answers is read with suspicion: an answer the client cannot use is an
 * {@link OAuthException} that names what was wrong, and never quotes a token.
 */
class TokenAnswerTest {

  private static final String SECRET_ACCESS = "ya29.a0Secret-access-9c4Q2mZ7wL1xV8";
  private static final String SENT_REFRESH = "1//0gSent-refresh-3kT8pR6nB2";

  private final FakeGoogle google = FakeGoogle.start();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));

  @AfterEach
  void stop() {
    google.close();
  }

  private YouTubeClient client() {
    return YouTubeClient.builder()
        .clientId("client_id")
        .clientSecret("s3cret-client")
        .endpoints(google.endpoints())
        .sleeper(new RecordingSleeper())
        .maxRetries(0)
        .clock(clock)
        .build();
  }

  /** Refreshes with a token endpoint that answers {@code status} and {@code body}. */
  private Throwable refreshAnswered(int status, String body) {
    google.enqueue("/token", Reply.json(status, body));
    return catchThrowable(() -> client().refreshAccessToken(SENT_REFRESH));
  }

  private static String everything(Throwable thrown) {
    StringWriter text = new StringWriter();
    thrown.printStackTrace(new PrintWriter(text));
    return text + " " + thrown;
  }

  @Test
  void aLifetimeTooLargeToCountIsATypedRefusal() {
    Throwable thrown =
        refreshAnswered(
            200,
            "{\"access_token\":\""
                + SECRET_ACCESS
                + "\",\"expires_in\":9223372036854775807,\"token_type\":\"Bearer\"}");

    assertThat(thrown)
        .isInstanceOf(OAuthException.class)
        .hasMessageContaining("expires_in")
        .hasMessageNotContaining(SECRET_ACCESS);
  }

  @Test
  void aNegativeLifetimeIsATypedRefusal() {
    Throwable thrown =
        refreshAnswered(
            200,
            "{\"access_token\":\""
                + SECRET_ACCESS
                + "\",\"expires_in\":-5,\"token_type\":\"Bearer\"}");

    assertThat(thrown).isInstanceOf(OAuthException.class).hasMessageContaining("expires_in");
  }

  @Test
  void anAccessTokenAHeaderCannotCarryIsRefusedWithoutQuotingIt() {
    Throwable thrown =
        refreshAnswered(
            200,
            "{\"access_token\":\"ya29.a0Secret\\u0007bell-9c4Q2mZ7wL1xV8\",\"expires_in\":3599,"
                + "\"token_type\":\"Bearer\"}");

    assertThat(thrown).isInstanceOf(OAuthException.class).hasMessageContaining("access_token");
    assertThat(everything(thrown)).doesNotContain("9c4Q2mZ7wL1xV8").doesNotContain("Secret");
  }

  @Test
  void aControlCharacterInTheTokenNeverReachesAHeaderOrAMessage() {
    google.enqueue(
        "/token",
        Reply.json(
            200,
            "{\"access_token\":\"ya29.a0Secret\\u0001ctl-9c4Q2mZ7wL1xV8\",\"expires_in\":3599}"));
    YouTubeClient cli =
        YouTubeClient.builder()
            .clientId("client_id")
            .clientSecret("s3cret-client")
            .refreshToken(SENT_REFRESH)
            .endpoints(google.endpoints())
            .sleeper(new RecordingSleeper())
            .maxRetries(0)
            .clock(clock)
            .build();

    Throwable thrown = catchThrowable(() -> cli.playlists().list().mine(true).execute());

    assertThat(thrown).isInstanceOf(OAuthException.class);
    assertThat(everything(thrown)).doesNotContain("9c4Q2mZ7wL1xV8");
    assertThat(google.received("/youtube/v3/playlists")).isEmpty();

    // A token given to the builder is checked as it is given, and not quoted either.
    Throwable given =
        catchThrowable(
            () -> YouTubeClient.builder().accessToken("ya29.a0Given\nheader-7Xq3Wm").build());
    assertThat(given)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("accessToken");
    assertThat(everything(given)).doesNotContain("7Xq3Wm");
  }

  @Test
  void anUnquotedTokenInBrokenJsonIsNeverQuotedBack() {
    Throwable thrown =
        refreshAnswered(200, "{\"access_token\":" + SECRET_ACCESS + ",\"expires_in\":3599}");

    assertThat(thrown).isInstanceOf(OAuthException.class);
    assertThat(everything(thrown)).doesNotContain("Secret-access").doesNotContain("9c4Q2mZ7");
  }

  @Test
  void anErrorThatEchoesTheRefreshTokenIsRedacted() {
    Throwable thrown =
        refreshAnswered(
            400,
            "{\"error\":\"invalid_grant\",\"error_description\":\"unknown token "
                + SENT_REFRESH
                + "\"}");

    assertThat(thrown).isInstanceOf(OAuthException.class);
    assertThat(everything(thrown)).doesNotContain("Sent-refresh");
  }

  @Test
  void aServerErrorPageThatQuotesTheTokenIsNotQuotedBack() {
    Throwable thrown =
        refreshAnswered(500, "<html>upstream failed for refresh_token=" + SENT_REFRESH + "</html>");

    assertThat(thrown).isInstanceOf(OAuthException.class);
    assertThat(everything(thrown)).doesNotContain("Sent-refresh");
  }

  @Test
  void aMissingAccessTokenIsATypedRefusal() {
    Throwable thrown = refreshAnswered(200, "{\"expires_in\":3599,\"token_type\":\"Bearer\"}");

    assertThat(thrown).isInstanceOf(OAuthException.class).hasMessageContaining("access_token");
  }

  @Test
  void aGoodAnswerStillWorks() {
    google.enqueue("/token", Reply.json(200, Fixtures.token(SECRET_ACCESS, null, 3599)));
    AccessToken token = client().refreshAccessToken(SENT_REFRESH);

    assertThat(token.accessToken()).isEqualTo(SECRET_ACCESS);
    assertThat(token.refreshToken()).isEqualTo(SENT_REFRESH);
    assertThat(token.expiresAt()).isEqualTo(clock.instant().plusSeconds(3599));
  }
}
