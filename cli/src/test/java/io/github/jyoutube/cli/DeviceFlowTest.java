package io.github.jyoutube.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.DeviceAuthorization;
import io.github.jyoutube.auth.Scopes;
import io.github.jyoutube.emulator.YouTubeEmulator;
import io.github.jyoutube.error.AuthorizationDeniedException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library's device flow, as {@code auth login --device} uses it, against the emulator:
 * interval, slow_down, approval and denial.
 */
class DeviceFlowTest {

  static YouTubeEmulator emulator;
  final HttpBrowser browser = new HttpBrowser();

  @BeforeAll
  static void start() {
    emulator = YouTubeEmulator.builder().port(0).deviceInterval(Duration.ofSeconds(2)).start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private YouTubeClient client(List<Duration> sleeps, Runnable onThirdSleep) {
    return YouTubeClient.builder()
        .endpoints(emulator.endpoints())
        .clientId(YouTubeEmulator.CLIENT_ID)
        .clientSecret(YouTubeEmulator.CLIENT_SECRET)
        .sleeper(
            duration -> {
              sleeps.add(duration);
              if (sleeps.size() == 3) {
                onThirdSleep.run();
              }
            })
        .build();
  }

  private void decide(DeviceAuthorization auth, String decision) {
    try {
      assertThat(
              browser
                  .postForm(
                      URI.create(auth.verificationUrl()),
                      Map.of("user_code", auth.userCode(), "account", "0", "decision", decision))
                  .statusCode())
          .isEqualTo(200);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void pollsHonouringIntervalAndSlowDownUntilApproved() {
    List<Duration> sleeps = new ArrayList<>();
    DeviceAuthorization[] holder = new DeviceAuthorization[1];
    YouTubeClient cli = client(sleeps, () -> decide(holder[0], "allow"));
    DeviceAuthorization auth = cli.startDeviceAuthorization(Scopes.DEFAULT);
    holder[0] = auth;
    assertThat(auth.userCode()).matches("[A-Z]{4}-[A-Z]{4}");
    assertThat(auth.verificationUrl()).isEqualTo(emulator.baseUri() + "device");
    assertThat(auth.interval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(auth.toString()).doesNotContain(auth.deviceCode()).contains("(redacted)");

    // The sleeper does not sleep: the second poll comes too soon and gets slow_down.
    AccessToken token = cli.awaitDeviceAuthorization(auth, Instant.now().plusSeconds(60));
    assertThat(sleeps)
        .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(7));
    assertThat(token.isRefreshable()).isTrue();
    assertThat(token.expiresAt()).isNotNull();
    assertThat(cli.accessToken()).contains(token);
  }

  @Test
  void aDenialIsAuthorizationDenied() {
    List<Duration> sleeps = new ArrayList<>();
    DeviceAuthorization[] holder = new DeviceAuthorization[1];
    YouTubeClient cli = client(sleeps, () -> decide(holder[0], "deny"));
    holder[0] = cli.startDeviceAuthorization(Scopes.DEFAULT);
    assertThatThrownBy(() -> cli.awaitDeviceAuthorization(holder[0], Instant.now().plusSeconds(60)))
        .isInstanceOf(AuthorizationDeniedException.class);
  }
}
