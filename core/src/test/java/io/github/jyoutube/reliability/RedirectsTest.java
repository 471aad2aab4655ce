package io.github.jyoutube.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.error.ApiException;
import io.github.jyoutube.testing.RecordingSleeper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A 3xx never carries the credential to another origin: the API server answers every request with a
 * 302 to a second loopback server, which records what reaches it. A caller's {@link HttpClient}
 * that follows redirects is refused when the client is built; one that does not, and the client's
 * own, return the 3xx as an error without following it.
 */
class RedirectsTest {

  private static final String TOKEN = "ya29.redirect-secret-31d7";
  private static final String API_KEY = "AIzaRedirectKey-8c02";

  private final FaultyServer elsewhere =
      FaultyServer.always(FaultyServer.json(200, "{\"items\":[]}"));
  private final FaultyServer api =
      FaultyServer.always(
          FaultyServer.reply(
              302,
              "text/html",
              "<a href=\"moved\">moved</a>",
              "Location",
              elsewhere.baseUri() + "steal/youtube/v3/playlists"));

  @AfterEach
  void stop() {
    api.close();
    elsewhere.close();
  }

  private YouTubeClient.Builder builder() {
    return YouTubeClient.builder()
        .accessToken(TOKEN)
        .endpoints(api.endpoints())
        .sleeper(new RecordingSleeper());
  }

  /** What reached the other origin, with the credential headers it carried. */
  private List<String> reachedElsewhere() {
    return elsewhere.received().stream()
        .map(
            r ->
                r.method()
                    + " "
                    + r.path()
                    + " authorization="
                    + r.headers().get("authorization")
                    + " x-goog-api-key="
                    + r.headers().get("x-goog-api-key"))
        .toList();
  }

  @ParameterizedTest
  @EnumSource(
      value = HttpClient.Redirect.class,
      names = {"NORMAL", "ALWAYS"})
  void aSuppliedClientThatFollowsRedirectsIsRefusedWhenTheClientIsBuilt(
      HttpClient.Redirect policy) {
    HttpClient following = HttpClient.newBuilder().followRedirects(policy).build();

    Throwable refused =
        catchThrowable(
            () -> {
              YouTubeClient cli = builder().httpClient(following).build();
              // Only reached if the builder accepted the client: the call shows what it does.
              catchThrowable(() -> cli.playlists().list().mine(true).execute());
            });

    assertThat(reachedElsewhere()).as("requests that reached the other origin").isEmpty();
    assertThat(refused)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("followRedirects")
        .hasMessageContaining("NEVER")
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void theClientsOwnHttpClientReturnsA302AsAnErrorWithoutFollowingIt() {
    YouTubeClient cli = builder().build();

    assertThatThrownBy(() -> cli.playlists().list().mine(true).execute())
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.statusCode()).isEqualTo(302));
    assertThatThrownBy(() -> cli.captions().download("cap1").writeTo(new ByteArrayOutputStream()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.statusCode()).isEqualTo(302));
    assertThat(api.received("GET")).isEqualTo(2);
    assertThat(reachedElsewhere()).isEmpty();
  }

  @Test
  void aSuppliedClientThatNeverFollowsIsAcceptedAndDoesNotFollow() {
    HttpClient never = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    YouTubeClient cli = builder().httpClient(never).build();
    YouTubeClient keyed =
        YouTubeClient.builder()
            .apiKey(API_KEY)
            .endpoints(api.endpoints())
            .httpClient(never)
            .sleeper(new RecordingSleeper())
            .build();

    assertThatThrownBy(() -> cli.playlists().list().mine(true).execute())
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> keyed.playlists().list().channelId("UC1").execute())
        .isInstanceOf(ApiException.class);
    assertThat(reachedElsewhere()).isEmpty();
  }
}
