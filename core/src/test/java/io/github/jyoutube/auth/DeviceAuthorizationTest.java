package io.github.jyoutube.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.jyoutube.Sleeper;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.error.AuthorizationDeniedException;
import io.github.jyoutube.error.OAuthException;
import io.github.jyoutube.error.TransportException;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import io.github.jyoutube.testing.Fixtures;
import io.github.jyoutube.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The device authorization grant (RFC 8628) through the client: the codes, polling at the server's
 * interval, {@code slow_down}, denial, expiry, and a deadline that bounds the whole wait whatever
 * the server says.
 */
class DeviceAuthorizationTest {

  private static final String DEVICE_CODE = "AH-1Ng-device-code-secret-Vq8Lz3";
  private static final String PENDING = "{\"error\":\"authorization_pending\"}";

  private final FakeGoogle google = FakeGoogle.start();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  /** Records each wait and moves the clock by it: time passes, nothing sleeps. */
  private final Sleeper sleeper =
      duration -> {
        sleeps.add(duration);
        clock.advance(duration);
      };

  @AfterEach
  void stop() {
    google.close();
  }

  private YouTubeClient client() {
    return YouTubeClient.builder()
        .clientId("tv-client")
        .clientSecret("tv-secret")
        .endpoints(google.endpoints())
        .sleeper(sleeper)
        .clock(clock)
        .build();
  }

  private String deviceAnswer(String expiresIn, String interval) {
    return "{\"device_code\":\""
        + DEVICE_CODE
        + "\",\"user_code\":\"GQVQ-JKEC\",\"verification_url\":\"https://www.google.com/device\","
        + "\"expires_in\":"
        + expiresIn
        + ",\"interval\":"
        + interval
        + "}";
  }

  @Test
  void theCodesComeBackAndTheDeviceCodeStaysSecret() {
    google.enqueue("/device/code", Reply.json(200, deviceAnswer("1800", "5")));

    DeviceAuthorization auth = client().startDeviceAuthorization(List.of(Scopes.YOUTUBE_READONLY));

    assertThat(auth.userCode()).isEqualTo("GQVQ-JKEC");
    assertThat(auth.verificationUrl()).isEqualTo("https://www.google.com/device");
    assertThat(auth.expiresIn()).isEqualTo(Duration.ofSeconds(1800));
    assertThat(auth.interval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(auth.expiresAt()).isEqualTo(clock.instant().plusSeconds(1800));
    assertThat(auth.deviceCode()).isEqualTo(DEVICE_CODE);
    assertThat(auth.toString()).doesNotContain(DEVICE_CODE).contains("(redacted)");
    assertThat(google.received("/device/code").get(0).form())
        .containsEntry("client_id", "tv-client")
        .containsEntry("scope", Scopes.YOUTUBE_READONLY)
        .doesNotContainKey("client_secret");
  }

  @Test
  void pollsAtTheIntervalSlowsDownOnRequestAndUsesTheToken() {
    google.enqueue("/device/code", Reply.json(200, deviceAnswer("1800", "5")));
    google.enqueue(
        "/token",
        Reply.json(428, PENDING),
        Reply.json(403, "{\"error\":\"slow_down\"}"),
        Reply.json(428, PENDING),
        Reply.json(200, Fixtures.token("ya29.device", "1//device-refresh", 3599)));
    TokenStore store = TokenStore.inMemory();
    YouTubeClient cli =
        YouTubeClient.builder()
            .clientId("tv-client")
            .clientSecret("tv-secret")
            .endpoints(google.endpoints())
            .tokenStore(store)
            .sleeper(sleeper)
            .clock(clock)
            .build();

    DeviceAuthorization auth = cli.startDeviceAuthorization(Scopes.DEFAULT);
    AccessToken token = cli.awaitDeviceAuthorization(auth, clock.instant().plusSeconds(300));

    assertThat(sleeps)
        .containsExactly(
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10));
    assertThat(google.received("/token"))
        .hasSize(4)
        .allSatisfy(
            poll ->
                assertThat(poll.form())
                    .containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:device_code")
                    .containsEntry("device_code", DEVICE_CODE)
                    .containsEntry("client_id", "tv-client")
                    .containsEntry("client_secret", "tv-secret"));
    assertThat(token.accessToken()).isEqualTo("ya29.device");
    assertThat(token.expiresAt()).isEqualTo(clock.instant().plusSeconds(3599));
    assertThat(cli.accessToken()).contains(token);
    assertThat(store.load()).contains(token);
  }

  @Test
  void aDenialIsAuthorizationDenied() {
    google.enqueue("/device/code", Reply.json(200, deviceAnswer("1800", "1")));
    google.enqueue(
        "/token",
        Reply.json(428, PENDING),
        Reply.json(403, "{\"error\":\"access_denied\",\"error_description\":\"Forbidden\"}"));
    YouTubeClient cli = client();
    DeviceAuthorization auth = cli.startDeviceAuthorization(Scopes.DEFAULT);

    assertThatThrownBy(() -> cli.awaitDeviceAuthorization(auth, clock.instant().plusSeconds(60)))
        .isInstanceOf(AuthorizationDeniedException.class);
    assertThat(cli.accessToken()).isEmpty();
  }

  @Test
  void expiredCodesAreExpiredToken() {
    google.enqueue("/device/code", Reply.json(200, deviceAnswer("1800", "1")));
    google.enqueue("/token", Reply.json(400, "{\"error\":\"expired_token\"}"));
    YouTubeClient cli = client();
    DeviceAuthorization auth = cli.startDeviceAuthorization(Scopes.DEFAULT);

    assertThatThrownBy(() -> cli.awaitDeviceAuthorization(auth, clock.instant().plusSeconds(60)))
        .isInstanceOfSatisfying(
            OAuthException.class, e -> assertThat(e.error()).isEqualTo("expired_token"));
  }

  @Test
  void theDeadlineEndsTheWaitAndBoundsEveryPause() {
    google.enqueue("/device/code", Reply.json(200, deviceAnswer("1800", "7")));
    google.otherwise("/token", r -> Reply.json(428, PENDING));
    YouTubeClient cli = client();
    DeviceAuthorization auth = cli.startDeviceAuthorization(Scopes.DEFAULT);
    Instant started = clock.instant();

    Throwable thrown =
        catchThrowable(() -> cli.awaitDeviceAuthorization(auth, started.plusSeconds(30)));

    assertThat(thrown)
        .isInstanceOfSatisfying(
            OAuthException.class, e -> assertThat(e.error()).isEqualTo("authorization_pending"));
    // 7 + 7 + 7 + 7 = 28 s, then the 2 s left: never past the deadline.
    assertThat(sleeps)
        .containsExactly(
            Duration.ofSeconds(7),
            Duration.ofSeconds(7),
            Duration.ofSeconds(7),
            Duration.ofSeconds(7),
            Duration.ofSeconds(2));
    assertThat(google.received("/token")).hasSize(4);
    assertThat(clock.instant()).isEqualTo(started.plusSeconds(30));
  }

  @Test
  void codesThatExpireBeforeTheDeadlineEndTheWaitThere() {
    google.enqueue("/device/code", Reply.json(200, deviceAnswer("12", "5")));
    google.otherwise("/token", r -> Reply.json(428, PENDING));
    YouTubeClient cli = client();
    DeviceAuthorization auth = cli.startDeviceAuthorization(Scopes.DEFAULT);

    assertThatThrownBy(() -> cli.awaitDeviceAuthorization(auth, clock.instant().plusSeconds(600)))
        .isInstanceOfSatisfying(
            OAuthException.class, e -> assertThat(e.error()).isEqualTo("expired_token"));
    assertThat(sleeps)
        .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(2));
  }

  @Test
  void absurdIntervalsAreCappedNeverOverflow() {
    for (String interval :
        List.of("1000000000", "9223372036854775807", "99999999999999999999999", "-3", "0")) {
      sleeps.clear();
      google.enqueue(
          "/device/code", Reply.json(200, deviceAnswer("9223372036854775807", interval)));
      google.otherwise("/token", r -> Reply.json(403, "{\"error\":\"slow_down\"}"));
      YouTubeClient cli = client();
      DeviceAuthorization auth = cli.startDeviceAuthorization(Scopes.DEFAULT);

      assertThat(auth.interval()).isBetween(Duration.ofSeconds(1), Duration.ofDays(1));
      assertThat(auth.expiresIn()).isEqualTo(Duration.ofDays(1));
      Instant deadline = clock.instant().plusSeconds(5);
      Throwable thrown = catchThrowable(() -> cli.awaitDeviceAuthorization(auth, deadline));

      assertThat(thrown)
          .as("interval %s", interval)
          .isInstanceOfSatisfying(
              OAuthException.class, e -> assertThat(e.error()).isEqualTo("authorization_pending"));
      assertThat(clock.instant()).isEqualTo(deadline);
      assertThat(sleeps).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(5)));
    }
  }

  @Test
  void hostileDeviceAnswersAreTypedRefusals() {
    List<String> answers =
        List.of(
            "{\"user_code\":\"A-B\",\"verification_url\":\"https://x.example/d\"}",
            deviceAnswer("1800", "5").replace("GQVQ-JKEC", "\\u001b[2J\\u001b[31mPWNED"),
            deviceAnswer("1800", "5").replace("GQVQ-JKEC", "\\u202eCEKJ"),
            deviceAnswer("1800", "5")
                .replace("https://www.google.com/device", "javascript:alert(1)"),
            deviceAnswer("\"soon\"", "5"),
            deviceAnswer("1800", "{}"),
            deviceAnswer("1800", "5").replace(DEVICE_CODE, DEVICE_CODE + "\\n"),
            "{\"device_code\":" + DEVICE_CODE + "}",
            "not json " + DEVICE_CODE,
            "[]");
    for (String answer : answers) {
      google.enqueue("/device/code", Reply.json(200, answer));
      Throwable thrown = catchThrowable(() -> client().startDeviceAuthorization(Scopes.DEFAULT));
      assertThat(thrown)
          .as(answer)
          .isInstanceOfSatisfying(
              OAuthException.class, e -> assertThat(e.error()).isEqualTo("invalid_response"));
      assertThat(thrown.getMessage()).doesNotContain("device-code-secret");
    }
  }

  @Test
  void anErrorAnswerNeverQuotesTheDeviceCode() {
    google.enqueue("/device/code", Reply.json(200, deviceAnswer("1800", "1")));
    google.enqueue(
        "/token",
        Reply.json(
            400,
            "{\"error\":\"invalid_grant\",\"error_description\":\"bad " + DEVICE_CODE + "\"}"));
    YouTubeClient cli = client();
    DeviceAuthorization auth = cli.startDeviceAuthorization(Scopes.DEFAULT);

    Throwable thrown =
        catchThrowable(() -> cli.awaitDeviceAuthorization(auth, clock.instant().plusSeconds(60)));

    assertThat(thrown).isInstanceOf(OAuthException.class);
    assertThat(thrown.getMessage()).contains("(redacted)").doesNotContain(DEVICE_CODE);
  }

  @Test
  void aBodyPastTheOAuthLimitIsRefusedAtOnce() {
    google.enqueue("/device/code", Reply.json(200, "{\"pad\":\"" + "x".repeat(2 << 20) + "\"}"));

    assertThatThrownBy(() -> client().startDeviceAuthorization(Scopes.DEFAULT))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("larger than 1048576 bytes");
  }

  @Test
  void aPollThatStallsEndsByTheDeadlineNotTheRequestTimeout() {
    google.enqueue("/device/code", Reply.json(200, deviceAnswer("1800", "1")));
    google.otherwise("/token", r -> Reply.json(428, PENDING).delayed(10_000));
    YouTubeClient cli =
        YouTubeClient.builder()
            .clientId("tv-client")
            .clientSecret("tv-secret")
            .endpoints(google.endpoints())
            .requestTimeout(Duration.ofSeconds(60))
            .build();
    DeviceAuthorization auth = cli.startDeviceAuthorization(Scopes.DEFAULT);
    long began = System.nanoTime();

    Throwable thrown =
        catchThrowable(() -> cli.awaitDeviceAuthorization(auth, Instant.now().plusSeconds(2)));

    long millis = (System.nanoTime() - began) / 1_000_000;
    assertThat(thrown)
        .isInstanceOfSatisfying(
            OAuthException.class, e -> assertThat(e.error()).isEqualTo("authorization_pending"))
        .hasMessageContaining("still unanswered");
    assertThat(millis).isBetween(1_500L, 3_500L);
  }
}
