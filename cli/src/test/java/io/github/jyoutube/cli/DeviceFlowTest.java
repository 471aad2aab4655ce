package io.github.jyoutube.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.Scopes;
import io.github.jyoutube.emulator.YouTubeEmulator;
import io.github.jyoutube.error.AuthorizationDeniedException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The device flow against the emulator: interval, slow_down, approval and denial. */
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

  private DeviceFlow flow(List<Duration> sleeps, Runnable onThirdSleep) {
    return new DeviceFlow(
        HttpClient.newHttpClient(),
        emulator.endpoints(),
        YouTubeEmulator.CLIENT_ID,
        YouTubeEmulator.CLIENT_SECRET,
        Clock.systemUTC(),
        duration -> {
          sleeps.add(duration);
          if (sleeps.size() == 3) {
            onThirdSleep.run();
          }
        });
  }

  private void decide(DeviceFlow.Authorization auth, String decision) {
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
  void pollsHonouringIntervalAndSlowDownUntilApproved() throws Exception {
    List<Duration> sleeps = new ArrayList<>();
    DeviceFlow.Authorization[] holder = new DeviceFlow.Authorization[1];
    DeviceFlow flow = flow(sleeps, () -> decide(holder[0], "allow"));
    DeviceFlow.Authorization auth = flow.start(Scopes.DEFAULT);
    holder[0] = auth;
    assertThat(auth.userCode()).matches("[A-Z]{4}-[A-Z]{4}");
    assertThat(auth.verificationUrl()).isEqualTo(emulator.baseUri() + "device");
    assertThat(auth.interval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(auth.toString()).doesNotContain(auth.deviceCode()).contains("(redacted)");

    // The sleeper does not sleep: the second poll comes too soon and gets slow_down.
    AccessToken token = flow.poll(auth);
    assertThat(sleeps)
        .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(7));
    assertThat(token.isRefreshable()).isTrue();
    assertThat(token.expiresAt()).isNotNull();
  }

  @Test
  void aDenialIsAuthorizationDenied() throws Exception {
    List<Duration> sleeps = new ArrayList<>();
    DeviceFlow.Authorization[] holder = new DeviceFlow.Authorization[1];
    DeviceFlow flow = flow(sleeps, () -> decide(holder[0], "deny"));
    holder[0] = flow.start(Scopes.DEFAULT);
    assertThatThrownBy(() -> flow.poll(holder[0])).isInstanceOf(AuthorizationDeniedException.class);
  }
}
