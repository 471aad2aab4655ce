package io.github.jyoutube.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.error.OAuthException;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import io.github.jyoutube.testing.MutableClock;
import io.github.jyoutube.testing.RecordingSleeper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile token endpoint answers, over real HTTP: lifetimes huge, negative or not numbers, tokens
 * with control or non-ASCII characters, broken JSON around the secrets, missing fields, error
 * answers that echo what was sent. The client ends each refresh with a usable token or an {@link
 * OAuthException}, never anything else, and no message, stack trace or {@code toString()} shows a
 * token or secret.
 */
class TokenEndpointPropertiesTest {

  static final String ACCESS = "ya29.a0Prop-access-Z9q4X7Lm2";
  static final String REFRESH = "1//0gProp-refresh-Y3w8Tn5Qd";
  static final String ID_TOKEN = "eyJprop.id-token.V5k2Rb7Hs";
  static final String SENT_REFRESH = "1//0gSent-refresh-K8m1Wc4Pz";
  static final String CLIENT_SECRET = "GOCSPX-prop-secret-J4n6Gx3";
  static final List<String> SECRETS =
      List.of(ACCESS, REFRESH, ID_TOKEN, SENT_REFRESH, CLIENT_SECRET);

  private static FakeGoogle google;
  private static ExecutorService watchdog;
  private static volatile Reply answer;
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));

  @BeforeContainer
  static void start() {
    google = FakeGoogle.start();
    google.otherwise("/token", r -> answer);
    watchdog = Executors.newCachedThreadPool();
  }

  @AfterContainer
  static void stop() {
    google.close();
    watchdog.shutdownNow();
  }

  /** One hostile answer: status, body, and how it was made (for the report of a failure). */
  record Answer(int status, String body, String how) {
    @Override
    public String toString() {
      return status + " " + how + ": " + body.substring(0, Math.min(body.length(), 300));
    }
  }

  @Property(tries = 600, edgeCases = EdgeCasesMode.NONE)
  void aHostileAnswerGivesAUsableTokenOrAnOAuthExceptionAndNeverShowsASecret(
      @ForAll("answers") Answer hostile) throws Exception {
    answer = Reply.of(hostile.status(), "application/json", hostile.body());
    YouTubeClient cli =
        YouTubeClient.builder()
            .clientId("property-client")
            .clientSecret(CLIENT_SECRET)
            .refreshToken(SENT_REFRESH)
            .endpoints(google.endpoints())
            .sleeper(new RecordingSleeper())
            .maxRetries(0)
            .clock(CLOCK)
            .build();

    Object outcome = within(cli::refreshAccessToken);

    StringBuilder shown = new StringBuilder(cli.toString());
    if (outcome instanceof AccessToken token) {
      assertThat(hostile.status()).isBetween(200, 299);
      assertThat(token.accessToken()).isNotEmpty().matches("[\\x21-\\x7e]+");
      if (token.refreshToken() != null) {
        assertThat(token.refreshToken()).matches("[\\x21-\\x7e]+");
      }
      if (token.expiresIn() != null) {
        assertThat(token.expiresIn()).isBetween(0L, AccessToken.MAX_EXPIRES_IN);
        assertThat(token.expiresAt()).isEqualTo(CLOCK.instant().plusSeconds(token.expiresIn()));
      }
      shown.append(token);
    } else {
      Throwable thrown = (Throwable) outcome;
      assertThat(thrown).isInstanceOf(OAuthException.class);
      StringWriter trace = new StringWriter();
      thrown.printStackTrace(new PrintWriter(trace));
      shown.append(trace).append(thrown);
    }
    for (String secret : SECRETS) {
      // The secret, or all of it after the kind its first characters name (ya29., 1//0g).
      assertThat(shown.toString()).doesNotContain(secret).doesNotContain(secret.substring(6));
    }
  }

  private static Object within(java.util.concurrent.Callable<AccessToken> call) throws Exception {
    Future<Object> future =
        watchdog.submit(
            () -> {
              try {
                return call.call();
              } catch (RuntimeException e) {
                return e;
              }
            });
    try {
      return future.get(5, TimeUnit.SECONDS);
    } catch (TimeoutException hang) {
      future.cancel(true);
      throw new AssertionError("did not finish within 5 s: it hangs", hang);
    } catch (ExecutionException e) {
      throw new AssertionError("unexpected " + e.getCause(), e.getCause());
    }
  }

  // ---- Answers ---------------------------------------------------------------------------------

  @Provide
  Arbitrary<Answer> answers() {
    Arbitrary<Integer> status =
        Arbitraries.frequencyOf(
            Tuple.of(8, Arbitraries.just(200)),
            Tuple.of(1, Arbitraries.of(201, 204, 400, 401, 403, 428, 500, 503)));
    Arbitrary<List<String>> fields =
        Combinators.combine(
                optional("access_token", accessTokens()),
                optional("expires_in", lifetimes()),
                optional("refresh_token", refreshTokens()),
                optional("token_type", tokenTypes()),
                optional("scope", scopes()),
                optional("id_token", Arbitraries.of(q(ID_TOKEN), "12", "[1]")),
                optional("error", errors()),
                optional("error_description", descriptions()))
            .as(
                (a, b, c, d, e, f, g, h) -> {
                  List<String> present = new ArrayList<>();
                  for (String field : List.of(a, b, c, d, e, f, g, h)) {
                    if (!field.isEmpty()) {
                      present.add(field);
                    }
                  }
                  return present;
                });
    return Combinators.combine(
            status,
            fields,
            Arbitraries.integers().between(0, 7),
            Arbitraries.doubles().between(0, 1),
            Arbitraries.strings().ofMaxLength(6))
        .as(TokenEndpointPropertiesTest::assemble);
  }

  private static Answer assemble(
      int status, List<String> fields, int breakage, double at, String noise) {
    String json = "{" + String.join(",", fields) + "}";
    int i = (int) (at * json.length());
    return switch (breakage) {
      case 0, 1, 2 -> new Answer(status, json, "whole");
      case 3 -> new Answer(status, json.substring(0, i), "cut at " + i);
      case 4 ->
          new Answer(status, json.substring(0, i) + noise + json.substring(i), "noise at " + i);
      case 5 ->
          new Answer(
              status,
              json.replace("\"" + ACCESS + "\"", ACCESS).replace("\"" + REFRESH + "\"", REFRESH),
              "secrets unquoted");
      case 6 -> new Answer(status, "[" + json + "]", "in an array");
      default -> new Answer(status, json + "}" + noise, "trailing garbage");
    };
  }

  private static Arbitrary<String> optional(String name, Arbitrary<String> value) {
    return Arbitraries.frequencyOf(
        Tuple.of(4, value.map(v -> q(name) + ":" + v)), Tuple.of(1, Arbitraries.just("")));
  }

  private static String q(String text) {
    return "\"" + text + "\"";
  }

  private static Arbitrary<String> accessTokens() {
    return Arbitraries.oneOf(
        Arbitraries.just(q(ACCESS)),
        hostileText().map(bad -> q(ACCESS.substring(0, 9) + bad + ACCESS.substring(9))),
        Arbitraries.of("\"\"", "null", "3599", "{\"t\":" + q(ACCESS) + "}", "[" + q(ACCESS) + "]"));
  }

  private static Arbitrary<String> refreshTokens() {
    return Arbitraries.oneOf(
        Arbitraries.just(q(REFRESH)),
        hostileText().map(bad -> q(REFRESH.substring(0, 9) + bad + REFRESH.substring(9))),
        Arbitraries.of("\"\"", "null", "42", "true"));
  }

  /** Characters a header cannot carry, written as JSON escapes or raw. */
  private static Arbitrary<String> hostileText() {
    return Arbitraries.of(
        "\\u0000", "\\u0001", "\\u0007", "\\n", "\\r\\n", "\\t", " ", "\\u007f", "\\u00e9", "é",
        "\\u202e", "😀", "\\ud800", "\\\"", "\\\\");
  }

  private static Arbitrary<String> lifetimes() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(-10, 7200).map(String::valueOf),
        Arbitraries.of(
            "9223372036854775807",
            "-9223372036854775808",
            "9223372036854775808",
            "99999999999999999999999999999999999999",
            "315532800",
            "1.5",
            "3599.0",
            "1e400",
            "-0",
            "\"3599\"",
            "\"abc\"",
            "\"9223372036854775807\"",
            "\"\"",
            "null",
            "true",
            "{}",
            "[3599]"));
  }

  private static Arbitrary<String> tokenTypes() {
    return Arbitraries.of("\"Bearer\"", "\"bearer\"", "\"MAC\"", "\"\"", "7", "null");
  }

  private static Arbitrary<String> scopes() {
    return Arbitraries.of(
        "\"https://www.googleapis.com/auth/youtube\"",
        "\"a\\u001b[2Jb\"",
        "\"sc\\u00f6pe\"",
        "[\"x\"]",
        "null");
  }

  private static Arbitrary<String> errors() {
    return Arbitraries.of(
        "\"invalid_grant\"",
        "\"invalid_client\"",
        "\"temporarily_unavailable\"",
        "\"\\u001b[31mred\"",
        q(SENT_REFRESH),
        "\"\"",
        "5",
        "null");
  }

  private static Arbitrary<String> descriptions() {
    return Arbitraries.of(
        "\"Token has been expired or revoked.\"",
        q("unknown refresh token " + SENT_REFRESH),
        q("client " + CLIENT_SECRET + " is not allowed"),
        "\"line\\nbreak\\u0000\"",
        q("x".repeat(5000)),
        "{}",
        "null");
  }
}
