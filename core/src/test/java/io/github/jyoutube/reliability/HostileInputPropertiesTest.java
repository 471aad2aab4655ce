package io.github.jyoutube.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.Json;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.AuthorizationUrl;
import io.github.jyoutube.error.DecodeException;
import io.github.jyoutube.error.ErrorBody;
import io.github.jyoutube.error.OAuthException;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import io.github.jyoutube.testing.Fixtures;
import io.github.jyoutube.testing.RecordingSleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property tests over what the outside world hands the client: redirect URLs pasted from a browser,
 * parameter values a caller sets, and JSON a server (or a proxy) sends. Only the documented, typed
 * exceptions ever escape, and every try finishes within seconds.
 *
 * <p>Tries are bounded per property so that the class runs in seconds; jqwik's seed is printed on
 * failure and {@code -Djqwik.seeds.whenfixed=ALLOW_UNSEEDED} is not needed to reproduce it.
 */
class HostileInputPropertiesTest {

  private static final String MODEL = "io.github.jyoutube.model.";
  private static final String RESERVED = "&=?#+%/ ,;:\n\r\t\u0000\"'\\[]@!$()*<>{}|^`~";

  private static FakeGoogle google;
  private static ExecutorService watchdog;
  private static List<Payload> payloads;

  /** A real-shaped list response and the record it is read as. */
  record Payload(Class<?> type, byte[] json) {
    @Override
    public String toString() {
      return type.getSimpleName();
    }
  }

  @BeforeContainer
  static void start() throws Exception {
    google = FakeGoogle.start();
    google.otherwise(
        "/token", r -> Reply.json(200, Fixtures.token("ya29.property-token", null, 3600)));
    google.otherwise("/youtube/v3/search", r -> Reply.json(200, "{\"items\":[]}"));
    google.otherwise("/youtube/v3/videos", r -> Reply.json(200, "{\"items\":[]}"));
    watchdog = Executors.newCachedThreadPool();
    payloads = loadPayloads();
  }

  @AfterContainer
  static void stop() {
    google.close();
    watchdog.shutdownNow();
  }

  private static YouTubeClient client() {
    return YouTubeClient.builder()
        .clientId("property-client")
        .clientSecret("property-secret")
        .endpoints(google.endpoints())
        .sleeper(new RecordingSleeper())
        .maxRetries(0)
        .build();
  }

  /** Runs {@code task}, failing the try if it takes more than five seconds. */
  private static <T> T within(Callable<T> task) throws Exception {
    Future<T> future = watchdog.submit(task);
    try {
      return future.get(5, TimeUnit.SECONDS);
    } catch (TimeoutException hang) {
      future.cancel(true);
      throw new AssertionError("did not finish within 5 s: it hangs", hang);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  // ---- Redirect URLs -------------------------------------------------------------------------

  @Property(tries = 400)
  void anyStringAsARedirectIsRefusedWithATypedExceptionBeforeAnyRequest(
      @ForAll("junk") String redirect) throws Exception {
    YouTubeClient cli = client();
    cli.getAuthorizeUrl();
    int before = google.received("/token").size();

    Throwable thrown = within(() -> outcome(() -> cli.generateAccessToken(redirect)));

    // No state this client issued can be in junk: refused before any request.
    assertThat(thrown)
        .isNotNull()
        .isInstanceOfAny(IllegalArgumentException.class, OAuthException.class);
    assertThat(google.received("/token")).hasSize(before);
  }

  @Property(tries = 300)
  void aRedirectWithTheIssuedStateAndHostileParametersIsExchangedOrRefused(
      @ForAll("redirectParameters") String parameters, @ForAll boolean inFragment)
      throws Exception {
    YouTubeClient cli = client();
    AuthorizationUrl auth = cli.getAuthorizeUrl();
    String redirect =
        "https://localhost/"
            + (inFragment ? "#" : "?")
            + parameters
            + "&state="
            + auth.state()
            + "&"
            + parameters;

    Throwable thrown = within(() -> outcome(() -> cli.generateAccessToken(redirect)));

    if (thrown == null) {
      assertThat(cli.accessToken()).isPresent();
    } else {
      // A missing code, a bad %-escape or a URL that does not parse; an error= from the consent
      // page. Never anything else, and never the code in the message.
      assertThat(thrown).isInstanceOfAny(IllegalArgumentException.class, OAuthException.class);
      assertThat(thrown.getMessage()).doesNotContain("code=");
    }
  }

  @Provide
  Arbitrary<String> junk() {
    Arbitrary<String> text = Arbitraries.strings().ofMaxLength(300);
    Arbitrary<String> urlish =
        Combinators.combine(
                Arbitraries.of(
                    "https://localhost/?",
                    "http://127.0.0.1:8080/#",
                    "localhost/?",
                    "https://",
                    "://?",
                    "urn:x?",
                    "  https://localhost/?  ",
                    "https://[::1/?",
                    "https://localhost/%zz?"),
                Arbitraries.strings().withChars("&=?#%+;/ \t\n\u0000é€😀abcstecod").ofMaxLength(80))
            .as((prefix, rest) -> prefix + rest);
    return Arbitraries.oneOf(text, urlish);
  }

  @Provide
  Arbitrary<String> redirectParameters() {
    Arbitrary<String> names = Arbitraries.of("code", "error", "error_description", "scope", "x");
    Arbitrary<String> values =
        Arbitraries.strings().withChars("aZ09-._~%&=+#?/ é😀").ofMaxLength(40);
    return Combinators.combine(names, values)
        .as((name, value) -> name + "=" + value)
        .list()
        .ofMaxSize(4)
        .map(pairs -> String.join("&", pairs));
  }

  private static Throwable outcome(Callable<?> call) {
    try {
      call.call();
      return null;
    } catch (IllegalArgumentException | OAuthException expected) {
      return expected;
    } catch (Exception unexpected) {
      throw new AssertionError("unexpected " + unexpected, unexpected);
    }
  }

  // ---- Query encoding ------------------------------------------------------------------------

  @Property(tries = 200)
  void everyParameterValueReachesTheServerExactlyAsSet(
      @ForAll("values") String q, @ForAll("values") String pageToken) throws Exception {
    YouTubeClient cli =
        YouTubeClient.builder()
            .accessToken("ya29.q")
            .endpoints(google.endpoints())
            .maxRetries(0)
            .build();
    int before = google.received("/youtube/v3/search").size();

    within(() -> cli.search().list().q(q).pageToken(pageToken).execute());

    List<FakeGoogle.Received> received = google.received("/youtube/v3/search");
    assertThat(received).hasSize(before + 1);
    Map<String, String> query = received.get(received.size() - 1).query();
    assertThat(query.get("q")).isEqualTo(q);
    assertThat(query.get("pageToken")).isEqualTo(pageToken);
  }

  @Property(tries = 100)
  void repeatedValuesAreJoinedAndEncodedExactly(
      @ForAll("values") String a, @ForAll("values") String b) throws Exception {
    YouTubeClient cli =
        YouTubeClient.builder()
            .accessToken("ya29.q")
            .endpoints(google.endpoints())
            .maxRetries(0)
            .build();

    within(() -> cli.videos().list().id(a, b).execute());

    List<FakeGoogle.Received> received = google.received("/youtube/v3/videos");
    assertThat(received.get(received.size() - 1).query().get("id")).isEqualTo(a + "," + b);
  }

  /**
   * Unicode from every plane (no lone surrogates: they are not text), the characters URLs reserve,
   * control characters, and now and then a value of several kilobytes.
   */
  @Provide
  Arbitrary<String> values() {
    Arbitrary<Integer> codePoint =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(
                4, Arbitraries.of(RESERVED.chars().boxed().collect(Collectors.toList()))),
            net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0x20, 0x7e)),
            net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x80, 0xd7ff)),
            net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xe000, 0xffff)),
            net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10ffff)));
    Arbitrary<String> shortValues =
        codePoint.list().ofMaxSize(60).map(HostileInputPropertiesTest::text);
    Arbitrary<String> longValues =
        codePoint.list().ofMinSize(1000).ofMaxSize(3000).map(HostileInputPropertiesTest::text);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(9, shortValues), net.jqwik.api.Tuple.of(1, longValues));
  }

  private static String text(List<Integer> codePoints) {
    StringBuilder text = new StringBuilder();
    codePoints.forEach(text::appendCodePoint);
    return text.toString();
  }

  // ---- JSON decoding -------------------------------------------------------------------------

  @Property(tries = 1500)
  void aMutatedListResponseDecodesOrThrowsDecodeException(
      @ForAll("mutatedPayloads") Mutated mutated) throws Exception {
    within(
        () -> {
          try {
            Json.parse(mutated.bytes(), mutated.payload().type());
          } catch (DecodeException expected) {
            assertThat(expected.bodySnippet().length()).isLessThanOrEqualTo(201);
          }
          // ErrorBody reads any error answer leniently: it never throws.
          ErrorBody.parse(500, mutated.bytes(), Map.of());
          return null;
        });
  }

  @Property(tries = 200)
  void aMutatedTokenAnswerDecodesOrThrowsDecodeException(@ForAll("mutatedTokens") byte[] json)
      throws Exception {
    within(
        () -> {
          try {
            Json.parse(json, AccessToken.class);
          } catch (DecodeException expected) {
            // The only exception; what it quotes is the caller's business (the client withholds
            // token answers: see SecretsNeverLeakTest).
          }
          return null;
        });
  }

  /** One mutation of a real-shaped payload. */
  record Mutated(Payload payload, byte[] bytes, String how) {
    @Override
    public String toString() {
      return payload + " " + how + " (" + bytes.length + " bytes)";
    }
  }

  @Provide
  Arbitrary<Mutated> mutatedPayloads() {
    return Combinators.combine(
            Arbitraries.of(payloads),
            Arbitraries.integers().between(0, 9),
            Arbitraries.doubles().between(0, 1),
            Arbitraries.doubles().between(0, 1),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(16))
        .as(HostileInputPropertiesTest::mutate);
  }

  @Provide
  Arbitrary<byte[]> mutatedTokens() {
    byte[] token =
        Fixtures.token("ya29.a0-access", "1//0-refresh", 3599).getBytes(StandardCharsets.UTF_8);
    Payload payload = new Payload(AccessToken.class, token);
    return Combinators.combine(
            Arbitraries.integers().between(0, 9),
            Arbitraries.doubles().between(0, 1),
            Arbitraries.doubles().between(0, 1),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(16))
        .as((kind, at, to, noise) -> mutate(payload, kind, at, to, noise).bytes());
  }

  private static Mutated mutate(Payload payload, int kind, double at, double to, byte[] noise) {
    byte[] json = payload.json();
    int i = (int) (at * json.length);
    int j = Math.max(i, (int) (to * json.length));
    String text = new String(json, StandardCharsets.UTF_8);
    String how;
    byte[] out;
    switch (kind) {
      case 0 -> {
        how = "cut at " + i;
        out = java.util.Arrays.copyOf(json, i);
      }
      case 1 -> {
        how = "bytes " + i + ".." + j + " deleted";
        out = concat(slice(json, 0, i), slice(json, j, json.length));
      }
      case 2 -> {
        how = "noise inserted at " + i;
        out = concat(slice(json, 0, i), noise, slice(json, i, json.length));
      }
      case 3 -> {
        how = "noise over " + i;
        out = json.clone();
        for (int k = 0; k < noise.length && i + k < out.length; k++) {
          out[i + k] = noise[k];
        }
      }
      case 4 -> {
        how = "strings became numbers";
        out =
            text.replaceAll("\"[^\"]{3,12}\"(?=\\s*[,}\\]])", "12345678901234567890123")
                .getBytes(StandardCharsets.UTF_8);
      }
      case 5 -> {
        how = "numbers became objects";
        out = text.replaceAll(":\\s*\\d+", ":{\"n\":[1,2]}").getBytes(StandardCharsets.UTF_8);
      }
      case 6 -> {
        how = "objects became arrays";
        out = text.replaceFirst("\\{", "[").getBytes(StandardCharsets.UTF_8);
      }
      case 7 -> {
        how = "deep nesting";
        String deep = "[".repeat(5000 + i) + "]".repeat(5000 + i);
        out =
            (text.substring(0, text.indexOf('{') + 1) + "\"items\":" + deep + ",")
                .concat(text.substring(text.indexOf('{') + 1))
                .getBytes(StandardCharsets.UTF_8);
      }
      case 8 -> {
        how = "huge number and long string";
        out =
            text.replaceFirst(
                    "\"etag\"\\s*:\\s*\"[^\"]*\"",
                    "\"etag\":\""
                        + "x".repeat(100_000)
                        + "\",\"pageInfo\":{\"totalResults\":"
                        + "9".repeat(5000)
                        + "}")
                .getBytes(StandardCharsets.UTF_8);
      }
      default -> {
        how = "dates garbled";
        out =
            text.replaceAll("\\d{4}-\\d{2}-\\d{2}T", "9999-99-99T")
                .getBytes(StandardCharsets.UTF_8);
      }
    }
    return new Mutated(payload, out, how);
  }

  private static byte[] slice(byte[] bytes, int from, int to) {
    return java.util.Arrays.copyOfRange(bytes, from, Math.max(from, to));
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }

  private static List<Payload> loadPayloads() throws IOException, URISyntaxException {
    URL directory =
        HostileInputPropertiesTest.class.getResource("/io/github/jyoutube/model/list-responses/");
    List<Payload> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString().replace(".json", "");
        try {
          found.add(new Payload(Class.forName(MODEL + name), Files.readAllBytes(file)));
        } catch (ClassNotFoundException notAModel) {
          // Only fixtures named after a model.
        }
      }
    }
    try (InputStream in =
        new java.io.ByteArrayInputStream(Fixtures.PLAYLISTS.getBytes(StandardCharsets.UTF_8))) {
      found.add(new Payload(Class.forName(MODEL + "PlaylistListResponse"), in.readAllBytes()));
    } catch (ClassNotFoundException e) {
      throw new UncheckedIOException(new IOException(e));
    }
    assertThat(found).hasSizeGreaterThan(10);
    return found;
  }
}
