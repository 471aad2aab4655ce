package io.github.jyoutube.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.Endpoints;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.AuthorizationUrl;
import io.github.jyoutube.auth.ClientSecrets;
import io.github.jyoutube.auth.TokenStore;
import io.github.jyoutube.error.YouTubeException;
import io.github.jyoutube.http.Credential;
import io.github.jyoutube.http.HttpCall;
import io.github.jyoutube.http.HttpResult;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import io.github.jyoutube.testing.Fixtures;
import io.github.jyoutube.testing.MutableClock;
import io.github.jyoutube.testing.RecordingSleeper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole OAuth flow and API use with logging at its most verbose ({@code System.Logger} goes to
 * {@code java.util.logging}, set to {@code ALL}): no log line, no {@code toString()} and no
 * exception (message, cause chain and stack trace) shows the access token, the refresh token, the
 * client secret, the authorization code, the PKCE verifier or an API key.
 */
class SecretsNeverLeakTest {

  private static final String CLIENT_SECRET = "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Kp";
  private static final String CODE = "4/0AeaYSHB-authorization-code-Qm3Vx8Rt2Wk";
  private static final String ACCESS_1 = "ya29.a0AfB_access-one-Kx7Pq2Lm9Vt4Rz8Wc";
  private static final String ACCESS_2 = "ya29.a0AfB_access-two-Jd3Hs6Fg1Nb5Qy7Xe";
  private static final String ACCESS_3 = "ya29.a0AfB_access-three-Uo2Ti9Ew4Ra8Sd1Zf";
  private static final String REFRESH = "1//0gRefresh-token-Yp5Mk3Nj8Bh2Vg6Cf4Dx";
  private static final String API_KEY = "AIzaSyApi-key-secret-Lq8Wm2Zn5Xb3Vc7Hj";
  private static final String PLAYLISTS = "/youtube/v3/playlists";

  private final FakeGoogle google = FakeGoogle.start();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
  private final List<String> logLines = new CopyOnWriteArrayList<>();
  private final Logger root = Logger.getLogger("");
  private final Map<Logger, Level> previousLevels = new LinkedHashMap<>();
  private final Handler capture =
      new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
          logLines.add(record.getLoggerName() + " " + format.format(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void mostVerboseLogging() {
    capture.setLevel(Level.ALL);
    root.addHandler(capture);
    for (String name : List.of("", "io.github.jyoutube", "io.github.jyoutube.http")) {
      Logger logger = Logger.getLogger(name);
      previousLevels.put(logger, logger.getLevel());
      logger.setLevel(Level.ALL);
    }
  }

  @AfterEach
  void restore() {
    root.removeHandler(capture);
    previousLevels.forEach(Logger::setLevel);
    google.close();
  }

  @Test
  void theWholeFlowLeavesNoSecretInLogsStringsOrExceptions(@TempDir Path dir) throws Exception {
    Path tokenFile = dir.resolve("token.json");
    TokenStore store = TokenStore.file(tokenFile);
    List<Object> shown = new ArrayList<>();
    List<Throwable> thrown = new ArrayList<>();
    google
        .enqueue("/token", Reply.json(200, Fixtures.token(ACCESS_1, REFRESH, 3599)))
        .enqueue("/token", Reply.json(200, Fixtures.token(ACCESS_2, null, 3599)))
        .enqueue("/token", Reply.json(200, Fixtures.token(ACCESS_3, null, 3599)))
        // A broken token answer that quotes the secrets it carries: never repeated in a message.
        .enqueue(
            "/token",
            Reply.json(
                200, "{\"access_token\":\"" + ACCESS_1 + "\",\"refresh_token\":\"" + REFRESH))
        .enqueue(
            "/token",
            Reply.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Bad Request\"}"));
    google
        .enqueue(PLAYLISTS, Reply.json(200, Fixtures.PLAYLISTS))
        .enqueue(PLAYLISTS, Reply.json(401, Fixtures.error(401, "authError", "global", "Invalid")))
        .enqueue(PLAYLISTS, Reply.json(200, Fixtures.PLAYLISTS))
        .enqueue(PLAYLISTS, Reply.json(200, Fixtures.PLAYLISTS))
        .enqueue(
            PLAYLISTS, Reply.json(403, Fixtures.error(403, "forbidden", "youtube.playlist", "no")));
    google.otherwise("/revoke", r -> Reply.json(200, "{}"));
    google.otherwise(
        "/v1/userinfo",
        r -> Reply.json(200, "{\"sub\":\"1\",\"name\":\"Alice\",\"picture\":\"p\"}"));

    YouTubeClient.Builder builder =
        YouTubeClient.builder()
            .clientId("client-id.apps.googleusercontent.com")
            .clientSecret(CLIENT_SECRET)
            .tokenStore(store)
            .endpoints(google.endpoints())
            .sleeper(new RecordingSleeper())
            .clock(clock);
    shown.add(builder);
    YouTubeClient cli = builder.build();
    shown.add(cli);

    // Authorize and exchange.
    AuthorizationUrl auth = cli.getAuthorizeUrl();
    shown.add(auth.state());
    AccessToken first =
        cli.generateAccessToken("https://localhost/?state=" + auth.state() + "&code=" + CODE);
    String verifier = google.received("/token").get(0).form().get("code_verifier");
    assertThat(verifier).hasSizeGreaterThanOrEqualTo(43);
    assertThat(google.received("/token").get(0).form())
        .containsEntry("code", CODE)
        .containsEntry("client_secret", CLIENT_SECRET);
    shown.add(first);

    // API calls, a 401 and its refresh, a refresh before expiry, an explicit refresh.
    cli.playlists().list().mine(true).execute();
    cli.playlists().list().mine(true).execute();
    clock.advance(Duration.ofSeconds(3599));
    cli.playlists().list().mine(true).execute();
    shown.add(cli.accessToken().orElseThrow());
    shown.add(cli.userInfo());
    thrown.add(catching(cli::refreshAccessToken)); // the broken answer
    thrown.add(catching(cli::refreshAccessToken)); // invalid_grant
    thrown.add(catching(() -> cli.playlists().list().mine(true).execute())); // 403

    // Redirects that are refused, each carrying a code.
    thrown.add(
        catching(() -> cli.generateAccessToken("https://localhost/?state=forged&code=" + CODE)));
    thrown.add(catching(() -> cli.generateAccessToken("https://localhost/?code=" + CODE)));
    thrown.add(catching(() -> cli.generateAccessToken("https://local host/?code=" + CODE)));
    thrown.add(catching(() -> cli.generateAccessToken("https://localhost/?code=" + CODE + "%zz")));
    thrown.add(catching(() -> cli.generateAccessTokenFromCode("")));

    // The token file holds the secrets, for its owner only, and nothing else is left beside it.
    assertThat(Files.getPosixFilePermissions(tokenFile))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(tokenFile);
    }
    shown.add(store.load().orElseThrow());

    // Revoke: the token travels in the body and the client forgets it.
    String current = cli.accessToken().orElseThrow().accessToken();
    cli.revokeAccessToken(current);
    assertThat(google.received("/revoke").get(0).form()).containsEntry("token", current);
    assertThat(cli.accessToken()).isEmpty();

    // Transport failures: an unreachable token endpoint and an API key client offline.
    int closed = closedPort();
    YouTubeClient offline =
        YouTubeClient.builder()
            .clientId("client-id")
            .clientSecret(CLIENT_SECRET)
            .refreshToken(REFRESH)
            .endpoints(Endpoints.at("http://127.0.0.1:" + closed + "/"))
            .sleeper(new RecordingSleeper())
            .maxRetries(1)
            .build();
    shown.add(offline);
    thrown.add(catching(() -> offline.playlists().list().mine(true).execute()));
    YouTubeClient keyed =
        YouTubeClient.builder()
            .apiKey(API_KEY)
            .endpoints(Endpoints.at("http://127.0.0.1:" + closed + "/"))
            .sleeper(new RecordingSleeper())
            .maxRetries(0)
            .build();
    shown.add(keyed);
    thrown.add(catching(() -> keyed.videos().list().id("x").execute()));

    // Internal values a caller may meet in a debugger or a log of its own.
    shown.add(store);
    shown.add(new ClientSecrets("id", CLIENT_SECRET, List.of("https://localhost/")));
    shown.add(Credential.bearer(ACCESS_1));
    shown.add(Credential.apiKey(API_KEY));
    shown.add(
        HttpCall.oauthForm(
            URI.create("https://oauth2.googleapis.com/token"),
            ("refresh_token=" + REFRESH + "&client_secret=" + CLIENT_SECRET)
                .getBytes(StandardCharsets.US_ASCII)));
    shown.add(
        HttpCall.api(
            "GET", URI.create("https://youtube.googleapis.com/youtube/v3/videos?key=" + API_KEY)));
    shown.add(
        new HttpResult(
            200,
            Map.of(),
            Fixtures.token(ACCESS_1, REFRESH, 3599).getBytes(StandardCharsets.UTF_8)));
    shown.add(AccessToken.of(ACCESS_2));

    List<String> secrets =
        List.of(CLIENT_SECRET, CODE, ACCESS_1, ACCESS_2, ACCESS_3, REFRESH, API_KEY, verifier);
    assertThat(thrown).doesNotContainNull().allMatch(t -> t instanceof RuntimeException);
    assertThat(logLines).as("the HTTP layer logs every attempt").isNotEmpty();
    List<String> texts = new ArrayList<>(logLines);
    shown.forEach(o -> texts.add(String.valueOf(o)));
    for (Throwable t : thrown) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      texts.add(trace.toString());
      if (t instanceof YouTubeException) {
        texts.add(String.valueOf(t.getMessage()));
      }
    }
    List<String> leaks = new ArrayList<>();
    for (String text : texts) {
      for (String secret : secrets) {
        // The whole secret, or all of it but the few characters that name its kind. The JDK's
        // own HttpClient debug logger (on when the root logger is at FINE or below) prints whole
        // URLs; no secret travels in one (the API key goes in the X-Goog-Api-Key header).
        if (text.contains(secret.substring(6))) {
          leaks.add(secret.substring(0, 8) + "… in: " + text);
        }
      }
    }
    assertThat(leaks).isEmpty();

    // Revoking the client's own token cleared the file too.
    assertThat(tokenFile).doesNotExist();
  }

  private static Throwable catching(java.util.concurrent.Callable<?> call) {
    try {
      call.call();
    } catch (Exception e) {
      return e;
    }
    throw new AssertionError("expected a failure");
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void endpointsOtherThanHttpsAreRefusedUnlessLoopback() throws Exception {
    for (String ok :
        List.of(
            "https://oauth2.googleapis.com/",
            "https://example.com:8443/base/",
            "http://127.0.0.1:8080/",
            "http://127.8.9.10/",
            "http://localhost/",
            "HTTP://LOCALHOST:1/",
            "http://[::1]:8080/",
            "http://[0:0:0:0:0:0:0:1]/",
            "http://[::ffff:127.0.0.1]/")) {
      assertThat(Endpoints.at(ok).api().toString()).as(ok).endsWith("/youtube/v3/");
    }
    for (String refused :
        List.of(
            "http://example.com/",
            "http://192.168.1.10:8080/",
            "http://10.0.0.1/",
            "http://[2001:db8::1]/",
            "http://localhost.example.com/",
            "http://127.0.0.1.nip.io/",
            "http://127.0.0.1@example.com/",
            "http://0x7f000001/",
            "ftp://127.0.0.1/",
            "ws://localhost/",
            "file:///etc/passwd",
            "//127.0.0.1/",
            "127.0.0.1:8080")) {
      assertThatThrownBy(() -> Endpoints.at(refused))
          .as(refused)
          .isInstanceOf(IllegalArgumentException.class);
    }
    // Each endpoint is checked on its own too, through the record's canonical constructor.
    for (RecordComponent component : Endpoints.class.getRecordComponents()) {
      assertThatThrownBy(
              () ->
                  replacing(
                      Endpoints.google(), component.getName(), URI.create("http://evil.example/x")))
          .as(component.getName())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(component.getName() + " endpoint must use https");
      assertThat(
              replacing(Endpoints.google(), component.getName(), URI.create("http://127.0.0.1/x")))
          .isNotNull();
    }
  }

  /** {@code base} with one endpoint replaced, whatever endpoints the record has. */
  static Endpoints replacing(Endpoints base, String name, URI value) throws Exception {
    RecordComponent[] components = Endpoints.class.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] =
          components[i].getName().equals(name) ? value : components[i].getAccessor().invoke(base);
    }
    try {
      return Endpoints.class.getDeclaredConstructor(types).newInstance(values);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
