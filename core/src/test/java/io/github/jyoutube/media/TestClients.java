package io.github.jyoutube.media;

import io.github.jyoutube.Endpoints;
import io.github.jyoutube.QuotaMeter;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.TokenStore;
import io.github.jyoutube.http.Authorizer;
import io.github.jyoutube.http.ClientContext;
import io.github.jyoutube.http.Credential;
import io.github.jyoutube.http.HttpExecutor;
import io.github.jyoutube.http.HttpTransport;
import io.github.jyoutube.http.OAuthClient;
import io.github.jyoutube.http.RetryPolicy;
import io.github.jyoutube.http.TokenManager;
import io.github.jyoutube.testing.RecordingSleeper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * Builds a client's context as {@code YouTubeClient} does: the real transport, executor, token
 * manager and OAuth client, pointed at a fixture, with a recording sleeper.
 */
final class TestClients {

  private TestClients() {}

  /** A context with a refreshable bearer token {@code accessToken}. */
  static ClientContext context(Endpoints endpoints, RecordingSleeper sleeper, String accessToken) {
    return context(endpoints, sleeper, accessToken, Duration.ofSeconds(30), 32L << 20);
  }

  static ClientContext context(
      Endpoints endpoints,
      RecordingSleeper sleeper,
      String accessToken,
      Duration requestTimeout,
      long maxResponseBytes) {
    Clock clock = Clock.systemUTC();
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    HttpTransport transport =
        new HttpTransport(http, "jyoutube-test", requestTimeout, maxResponseBytes);
    RetryPolicy policy = RetryPolicy.defaults();
    QuotaMeter meter = new QuotaMeter(clock);
    HttpExecutor oauthExecutor =
        new HttpExecutor(transport, policy, sleeper, clock, NONE, Runnable::run, meter);
    OAuthClient oauth =
        new OAuthClient(
            "client-id", "client-secret", "https://localhost/", endpoints, oauthExecutor, clock);
    AccessToken token =
        new AccessToken(accessToken, 3600L, "Bearer", "1//refresh", null, null, null);
    TokenManager tokens = new TokenManager(token, null, oauth, TokenStore.inMemory(), clock, null);
    HttpExecutor executor =
        new HttpExecutor(transport, policy, sleeper, clock, tokens, Runnable::run, meter);
    return new ClientContext(executor, endpoints.api(), endpoints.upload());
  }

  private static final Authorizer NONE =
      new Authorizer() {
        @Override
        public Credential header() {
          throw new IllegalStateException("no credential");
        }

        @Override
        public boolean renewAfterRejection(Credential rejected) {
          return false;
        }
      };
}
