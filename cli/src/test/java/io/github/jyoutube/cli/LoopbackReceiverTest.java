package io.github.jyoutube.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The loopback receiver on its own: one redirect, the right state, then closed. */
class LoopbackReceiverTest {

  private final HttpBrowser browser = new HttpBrowser();

  @Test
  void acceptsOneRedirectWithTheExpectedStateAndAnswersTheBrowser() throws Exception {
    String redirect;
    LoopbackReceiver receiver = LoopbackReceiver.start();
    try {
      assertThat(receiver.redirectUri()).isEqualTo("http://127.0.0.1:" + receiver.port() + "/");
      receiver.expectState("good-state");

      assertThat(browser.get(receiver.redirectUri() + "?state=bad&code=x").statusCode())
          .isEqualTo(400);
      assertThat(browser.get(receiver.redirectUri() + "?code=x").statusCode()).isEqualTo(400);
      assertThat(browser.get(receiver.redirectUri() + "other?state=good-state").statusCode())
          .isEqualTo(404);
      assertThat(receiver.accepted()).isFalse();

      redirect = receiver.redirectUri() + "?state=good-state&code=4%2F0Acode&scope=a%20b";
      CompletableFuture<HttpResponse<String>> page =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return browser.get(redirect);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      assertThat(receiver.awaitRedirect(Duration.ofSeconds(10))).isEqualTo(redirect);
      assertThat(receiver.accepted()).isTrue();
      // A second redirect, even with the right state, is not taken.
      assertThat(browser.get(redirect).statusCode()).isEqualTo(409);
      receiver.finish(true, "Done <here>.");
      HttpResponse<String> answer = page.get();
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).contains("Signed in to jyoutube", "Done &lt;here&gt;.");
    } finally {
      receiver.close();
    }
    String closed = redirect;
    assertThatThrownBy(() -> browser.get(closed)).isInstanceOf(IOException.class);
  }

  @Test
  void timesOutWithoutARedirect() {
    try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
      receiver.expectState("s");
      assertThatThrownBy(() -> receiver.awaitRedirect(Duration.ofMillis(200)))
          .isInstanceOf(TimeoutException.class);
    }
  }

  @Test
  void listensOnLoopbackOnly() {
    try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
      assertThat(receiver.redirectUri()).startsWith("http://127.0.0.1:");
      assertThat(receiver.port()).isPositive();
    }
  }
}
