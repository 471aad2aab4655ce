package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.jyoutube.Sleeper;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.Scopes;
import io.github.jyoutube.error.HubException;
import io.github.jyoutube.media.MediaContent;
import io.github.jyoutube.model.Video;
import io.github.jyoutube.model.VideoSnippet;
import io.github.jyoutube.model.VideoStatus;
import io.github.jyoutube.push.PushEvent;
import io.github.jyoutube.push.PushNotificationHandler;
import io.github.jyoutube.push.PushNotificationReceiver;
import io.github.jyoutube.push.PushNotifications;
import io.github.jyoutube.push.SubscribeOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator as YouTube's PubSubHubbub hub, end to end: subscriptions verified over loopback,
 * signed notifications of inserts, updates and deletions, and bounded retries.
 */
class PushHubTest {

  private static final String ALICE = Account.ALICE.channelId();
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** Records the hub's waits instead of sleeping. */
  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  private final Sleeper sleeper = waits::add;
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final YouTubeEmulator emulator =
      YouTubeEmulator.builder().pushSleeper(sleeper).pushRetries(2).start();
  private final YouTubeClient cli =
      YouTubeClient.builder()
          .accessToken(emulator.accessToken(Account.ALICE, Scopes.YOUTUBE))
          .endpoints(emulator.endpoints())
          .build();
  private final BlockingQueue<PushEvent> events = new LinkedBlockingQueue<>();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
    emulator.close();
  }

  private PushNotificationReceiver receiver(PushNotificationHandler handler) {
    PushNotificationReceiver receiver =
        PushNotificationReceiver.builder(handler).path("/push").start();
    closing.add(receiver);
    return receiver;
  }

  private PushEvent next() throws InterruptedException {
    PushEvent event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(event).as("an event within " + WAIT).isNotNull();
    return event;
  }

  private Video upload(String title, String privacy) {
    byte[] bytes = new byte[4096];
    new java.util.Random(7).nextBytes(bytes);
    return cli.videos()
        .insert(
            Video.builder()
                .snippet(VideoSnippet.builder().title(title).categoryId("22").build())
                .status(
                    VideoStatus.builder()
                        .privacyStatus(VideoStatus.PrivacyStatus.of(privacy))
                        .build())
                .build(),
            MediaContent.of(bytes, "video/mp4"))
        .execute();
  }

  @Test
  void anUploadReachesASubscribedReceiverSignedWithItsId() throws Exception {
    PushNotificationHandler handler = new PushNotificationHandler(events::add);
    PushNotificationReceiver receiver = receiver(handler);

    cli.pushNotifications()
        .subscribe(
            ALICE,
            receiver.callbackUri().toString(),
            SubscribeOptions.defaults()
                .withSecret("a-random-secret")
                .withVerify(SubscribeOptions.Verify.SYNC),
            handler);
    assertThat(handler.verified(ALICE)).isTrue();
    assertThat(handler.leaseExpiresAt(ALICE)).isPresent();

    Video uploaded = upload("Push me", "public");

    PushEvent event = next();
    assertThat(event).isInstanceOf(PushEvent.VideoPublished.class);
    PushEvent.VideoPublished published = (PushEvent.VideoPublished) event;
    assertThat(published.videoId()).isEqualTo(uploaded.id());
    assertThat(published.channelId()).isEqualTo(ALICE);
    assertThat(published.title()).isEqualTo("Push me");
    assertThat(published.link()).hasToString("https://www.youtube.com/watch?v=" + uploaded.id());
    assertThat(published.channelTitle()).isEqualTo("Alice Example");
    assertThat(published.published()).isNotNull();
  }

  @Test
  void updatesAndDeletionsOfPublicVideosAreNotifiedButPrivateUploadsAreNot() throws Exception {
    PushNotificationHandler handler = new PushNotificationHandler(events::add);
    PushNotificationReceiver receiver = receiver(handler);
    cli.pushNotifications()
        .subscribe(
            ALICE,
            receiver.callbackUri().toString(),
            SubscribeOptions.defaults().withSecret("s").withVerify(SubscribeOptions.Verify.SYNC),
            handler);

    upload("Private one", "private");
    cli.videos()
        .update(
            Video.builder()
                .id("aliceVid001")
                .snippet(VideoSnippet.builder().title("A new title").categoryId("22").build())
                .build())
        .execute();
    cli.videos().delete("aliceVid002").execute();

    // Deliveries to one callback keep their order: the private upload would have come first.
    PushEvent updated = next();
    assertThat(updated).isInstanceOf(PushEvent.VideoUpdated.class);
    assertThat(updated.videoId()).isEqualTo("aliceVid001");
    assertThat(((PushEvent.VideoUpdated) updated).title()).isEqualTo("A new title");

    PushEvent deleted = next();
    assertThat(deleted).isInstanceOf(PushEvent.VideoDeleted.class);
    assertThat(deleted.videoId()).isEqualTo("aliceVid002");
    assertThat(deleted.channelId()).isEqualTo(ALICE);
    assertThat(((PushEvent.VideoDeleted) deleted).deletedAt()).isNotNull();
    assertThat(events).isEmpty();
  }

  @Test
  void aTitleWithCharactersXmlCannotHoldIsStillAWellFormedNotification() throws Exception {
    PushNotificationHandler handler = new PushNotificationHandler(events::add);
    PushNotificationReceiver receiver = receiver(handler);
    cli.pushNotifications()
        .subscribe(
            ALICE,
            receiver.callbackUri().toString(),
            SubscribeOptions.defaults().withSecret("s").withVerify(SubscribeOptions.Verify.SYNC),
            handler);

    // ESC, BEL, NUL and U+FFFF have no place in XML 1.0, not even as &#27;; C1 and bidi do.
    Video uploaded = upload("a\u001b[2Jb\u0007c\u0000d\uFFFFe \u009b \u202E", "public");

    PushEvent event = next();
    assertThat(event.videoId()).isEqualTo(uploaded.id());
    assertThat(((PushEvent.VideoPublished) event).title())
        .isEqualTo("a\uFFFD[2Jb\uFFFDc\uFFFDd\uFFFDe \u009b \u202E");
    assertThat(waits).as("delivered at the first attempt").isEmpty();
  }

  @Test
  void asynchronousVerificationFollowsThe202() throws Exception {
    CountDownLatch verified = new CountDownLatch(1);
    PushNotificationHandler handler =
        PushNotificationHandler.builder()
            .listener(events::add)
            .onVerified(s -> verified.countDown())
            .build();
    PushNotificationReceiver receiver = receiver(handler);

    cli.pushNotifications()
        .subscribe(ALICE, receiver.callbackUri().toString(), SubscribeOptions.defaults(), handler);

    assertThat(verified.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    Video uploaded = upload("After async verification", "public");
    assertThat(next().videoId()).isEqualTo(uploaded.id());
  }

  @Test
  void aCallbackThatDoesNotEchoTheChallengeIsNotSubscribed() throws Exception {
    // A handler that was never told of the subscription answers 404.
    PushNotificationHandler stranger = new PushNotificationHandler(events::add);
    PushNotificationReceiver receiver = receiver(stranger);

    assertThatThrownBy(
            () ->
                cli.pushNotifications()
                    .subscribe(
                        ALICE,
                        receiver.callbackUri().toString(),
                        SubscribeOptions.defaults().withVerify(SubscribeOptions.Verify.SYNC)))
        .isInstanceOf(HubException.class)
        .satisfies(
            e -> {
              assertThat(((HubException) e).statusCode()).isEqualTo(409);
              assertThat(((HubException) e).hubMessage())
                  .isEqualTo("Error trying to confirm subscription");
            });

    // A callback echoing something else is refused too.
    try (Callback wrong = new Callback(q -> new Answer(200, "not-the-challenge"))) {
      assertThatThrownBy(
              () ->
                  cli.pushNotifications()
                      .subscribe(
                          ALICE,
                          wrong.uri().toString(),
                          SubscribeOptions.defaults().withVerify(SubscribeOptions.Verify.SYNC)))
          .isInstanceOf(HubException.class);
    }
    upload("Nobody listens", "public");
    assertThat(events.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void theHubRefusesBadRequestsWithPlainText() throws Exception {
    assertThatThrownBy(
            () -> cli.pushNotifications().subscribe(ALICE, "https://example.com/callback"))
        .isInstanceOf(HubException.class)
        .hasMessageContaining("(400)")
        .hasMessageContaining("loopback callbacks only");
    assertThatThrownBy(
            () -> cli.pushNotifications().subscribe("UCnobody", "http://127.0.0.1:9/callback"))
        .isInstanceOf(HubException.class)
        .hasMessageContaining("no channel UCnobody");

    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> badMode =
        http.send(
            HttpRequest.newBuilder(emulator.endpoints().hub())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("hub.mode=publish"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(badMode.statusCode()).isEqualTo(400);
    assertThat(badMode.headers().firstValue("content-type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    assertThat(badMode.body()).contains("hub.mode");
  }

  @Test
  void failedDeliveriesAreRetriedWithBackoffAndThenGivenUp() throws Exception {
    List<String> posts = new CopyOnWriteArrayList<>();
    BlockingQueue<String> accepted = new LinkedBlockingQueue<>();
    List<String> signatures = new CopyOnWriteArrayList<>();
    List<String> links = new CopyOnWriteArrayList<>();
    int[] failuresLeft = {2};
    try (Callback callback =
        new Callback(
            request -> {
              if (request.method().equals("GET")) {
                return new Answer(200, request.query().get("hub.challenge"));
              }
              String body = request.body();
              posts.add(body);
              signatures.add(request.headers().get("x-hub-signature") + " " + hmacSha1(body));
              links.add(
                  request.headers().get("link") + " " + request.headers().get("content-type"));
              if (body.contains("Never accepted")) {
                return new Answer(500, "down");
              }
              synchronized (failuresLeft) {
                if (failuresLeft[0] > 0) {
                  failuresLeft[0]--;
                  return new Answer(503, "busy");
                }
              }
              accepted.add(body);
              return new Answer(204, "");
            })) {
      cli.pushNotifications()
          .subscribe(
              ALICE,
              callback.uri().toString(),
              SubscribeOptions.defaults()
                  .withSecret("retry-secret")
                  .withVerify(SubscribeOptions.Verify.SYNC));

      // Two failures, then a success: three attempts, waits of 1 s and 2 s (recorded, not slept).
      upload("Third time lucky", "public");
      assertThat(accepted.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS))
          .contains("Third time lucky");
      assertThat(posts).hasSize(3);
      assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
      // Each attempt is signed with HMAC-SHA1 of the exact body, and names the hub and the topic.
      assertThat(signatures)
          .allSatisfy(
              line -> {
                String[] parts = line.split(" ");
                assertThat(parts[0]).isEqualTo("sha1=" + parts[1]);
              });
      assertThat(links)
          .allSatisfy(
              line ->
                  assertThat(line)
                      .contains(emulator.baseUri() + "pubsubhubbub/>; rel=hub")
                      .contains("<" + PushNotifications.topic(ALICE) + ">; rel=self")
                      .endsWith("application/atom+xml"));

      // Always failing: the first attempt and two retries, then the hub moves on to the next one.
      upload("Never accepted", "public");
      upload("Accepted", "public");
      assertThat(accepted.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).contains("Accepted");
      assertThat(posts.stream().filter(p -> p.contains("Never accepted"))).hasSize(3);
      assertThat(posts.get(posts.size() - 1)).contains("Accepted");
    }
  }

  @Test
  void anUnsubscribedCallbackGetsNothingMore() throws Exception {
    List<PushEvent> first = new CopyOnWriteArrayList<>();
    PushNotificationHandler firstHandler = new PushNotificationHandler(first::add);
    PushNotificationReceiver firstReceiver = receiver(firstHandler);
    PushNotificationHandler secondHandler = new PushNotificationHandler(events::add);
    PushNotificationReceiver secondReceiver = receiver(secondHandler);
    SubscribeOptions sync = SubscribeOptions.defaults().withVerify(SubscribeOptions.Verify.SYNC);
    String firstUrl = firstReceiver.callbackUri().toString();
    cli.pushNotifications().subscribe(ALICE, firstUrl, sync, firstHandler);
    cli.pushNotifications()
        .subscribe(ALICE, secondReceiver.callbackUri().toString(), sync, secondHandler);

    cli.pushNotifications().unsubscribe(ALICE, firstUrl, sync, firstHandler);
    assertThat(firstHandler.subscriptions()).isEmpty();
    Video uploaded = upload("Only for the second", "public");

    assertThat(next().videoId()).isEqualTo(uploaded.id());
    assertThat(first).isEmpty();
  }

  @Test
  void topicsAreTheOnesTheClientBuilds() {
    assertThat(Hub.channelIdOf(PushNotifications.topic(ALICE))).isEqualTo(ALICE);
    assertThat(Hub.loopback("127.0.0.1")).isTrue();
    assertThat(Hub.loopback("[::1]")).isTrue();
    assertThat(Hub.loopback("localhost")).isTrue();
    assertThat(Hub.loopback("example.com")).isFalse();
    assertThat(Hub.loopback("10.0.0.1")).isFalse();
  }

  private static String hmacSha1(String body) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(
              "retry-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- A raw callback --------------------------------------------------------------------------

  record Request(
      String method, Map<String, String> query, Map<String, String> headers, String body) {}

  record Answer(int status, String body) {}

  /** A loopback server that answers every request with a function of it. */
  static final class Callback implements AutoCloseable {
    private final HttpServer server;

    Callback(Function<Request, Answer> answers) throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/",
          exchange -> {
            try (exchange) {
              Map<String, String> query = new java.util.LinkedHashMap<>();
              String raw = exchange.getRequestURI().getRawQuery();
              if (raw != null) {
                for (String pair : raw.split("&")) {
                  int eq = pair.indexOf('=');
                  query.put(
                      URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                      URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
              }
              String body =
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
              Map<String, String> headers = new java.util.LinkedHashMap<>();
              exchange
                  .getRequestHeaders()
                  .forEach(
                      (name, values) ->
                          headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
              Answer answer =
                  answers.apply(new Request(exchange.getRequestMethod(), query, headers, body));
              byte[] bytes =
                  answer.body() == null
                      ? new byte[0]
                      : answer.body().getBytes(StandardCharsets.UTF_8);
              exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
              if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                  out.write(bytes);
                }
              }
            }
          });
      server.start();
    }

    URI uri() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callback");
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
