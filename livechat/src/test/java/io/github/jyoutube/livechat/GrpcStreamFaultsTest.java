package io.github.jyoutube.livechat;

import static io.github.jyoutube.livechat.ScriptedChatServer.chatEnded;
import static io.github.jyoutube.livechat.ScriptedChatServer.page;
import static io.github.jyoutube.livechat.ScriptedChatServer.poll;
import static io.github.jyoutube.livechat.ScriptedChatServer.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.jyoutube.Endpoints;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.error.ServerErrorException;
import io.github.jyoutube.error.UnauthorizedException;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import io.github.jyoutube.testing.RecordingSleeper;
import io.grpc.Status;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link LiveChat} over gRPC against a scripted {@code StreamList} server on loopback: backoff with
 * jitter on retryable statuses and a typed failure when they go on; messages a resumed stream sends
 * again dropped, within a bounded memory; a chat that ends by {@code offline_at} alone; a token
 * rejected again right after its renewal; a poll updated under its id ({@code active_poll_item}).
 * No test sleeps for real: waits go to a {@link RecordingSleeper}.
 */
class GrpcStreamFaultsTest {

  private static final Duration LIMIT = Duration.ofSeconds(20);

  private final List<AutoCloseable> servers = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable server : servers) {
      server.close();
    }
  }

  private ScriptedChatServer server(ScriptedChatServer.Script script) {
    ScriptedChatServer server = new ScriptedChatServer(script);
    servers.add(server);
    return server;
  }

  /** A client with a plain access token; its REST endpoints lead nowhere (not used). */
  private static YouTubeClient client(ScriptedChatServer server) {
    return YouTubeClient.builder()
        .endpoints(Endpoints.at(URI.create("http://127.0.0.1:9/")).withGrpc(server.target()))
        .accessToken("ya29.test")
        .build();
  }

  private static LiveChatOptions grpc(RecordingSleeper sleeper) {
    return LiveChatOptions.forChat("chat")
        .withTransport(Transport.GRPC)
        .withBackoff(Duration.ofMillis(10), Duration.ofMillis(100))
        .withSleeper(sleeper);
  }

  private static List<ChatEvent> readAll(LiveChat chat) {
    return assertTimeoutPreemptively(LIMIT, () -> chat.events().toList());
  }

  private static List<String> ids(List<ChatEvent> events) {
    return events.stream().map(ChatEvent::id).toList();
  }

  @Test
  void retryableStatusesBackOffWithJitterUpToTheCapThenTheChatFailsTyped() {
    // INTERNAL, UNAVAILABLE, DEADLINE_EXCEEDED in turn, on every stream.
    Status.Code[] codes = {
      Status.Code.INTERNAL, Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED
    };
    ScriptedChatServer server =
        server(
            (n, request, responses) ->
                responses.onError(
                    codes[n % codes.length]
                        .toStatus()
                        .withDescription("injected #" + n)
                        .asRuntimeException()));
    RecordingSleeper sleeper = new RecordingSleeper();
    Duration base = Duration.ofMillis(100);
    Duration max = Duration.ofSeconds(1);
    int maxFailures = 12;
    LiveChatOptions options = grpc(sleeper).withBackoff(base, max).withMaxFailures(maxFailures);
    try (LiveChat chat = LiveChat.connect(client(server), options)) {
      // The 13th stream fails with INTERNAL (13 - 1 = 12, a multiple of 3): the chat ends with
      // the library's exception for it, not a StatusRuntimeException.
      assertThatThrownBy(() -> readAll(chat))
          .isInstanceOfSatisfying(
              ServerErrorException.class,
              e -> {
                assertThat(e.status()).isEqualTo("INTERNAL");
                assertThat(e.errorMessage()).isEqualTo("injected #12");
              });
      // withMaxFailures(12): 12 failed streams are retried, the 13th ends the chat.
      assertThat(chat.stats().streamsOpened()).isEqualTo(maxFailures + 1);
    }
    assertThat(server.connections()).hasSize(maxFailures + 1);

    List<Duration> waits = sleeper.delays();
    System.out.println(
        "backoff base 100 ms, max 1 s, waits (ms): "
            + waits.stream().map(Duration::toMillis).toList());
    assertThat(waits).hasSize(maxFailures); // one wait before each retry, none after the last
    for (int n = 1; n <= waits.size(); n++) {
      Duration ceiling = base.multipliedBy(1L << (n - 1));
      if (ceiling.compareTo(max) > 0) {
        ceiling = max;
      }
      assertThat(waits.get(n - 1))
          .as("wait after failure %d, at most %s", n, ceiling)
          .isBetween(Duration.ZERO, ceiling);
    }
    // Full jitter: the 8 waits at the cap (failures 5 to 12) are random in [0, 1 s], not 1 s each.
    assertThat(new HashSet<>(waits.subList(4, waits.size()))).hasSizeGreaterThan(1);
    // Doubling: with 8 draws up to 1 s, one above twice the base is all but certain (1 - 0.2^8).
    assertThat(waits).anySatisfy(w -> assertThat(w).isGreaterThan(base.multipliedBy(2)));
  }

  /**
   * The first stream sends m1 to m5 then drops; the second ignores the page token and sends {@code
   * replay}, then m6 and the chat's end.
   */
  private ScriptedChatServer replaying(String... replay) {
    return server(
        (n, request, responses) -> {
          if (n == 0) {
            responses.onNext(page("t3", text("m1"), text("m2"), text("m3")).build());
            responses.onNext(page("t5", text("m4"), text("m5")).build());
            responses.onError(Status.UNAVAILABLE.withDescription("dropped").asRuntimeException());
          } else {
            var again = page("t5");
            for (String id : replay) {
              again.addItems(text(id));
            }
            responses.onNext(again.build());
            responses.onNext(page("t6", text("m6")).build());
            responses.onNext(page("t7", chatEnded("end")).build());
            responses.onCompleted();
          }
        });
  }

  @Test
  void messagesAResumedStreamSendsAgainAreDeliveredOnce() {
    ScriptedChatServer server = replaying("m1", "m2", "m3", "m4", "m5");
    try (LiveChat chat = LiveChat.connect(client(server), grpc(new RecordingSleeper()))) {
      assertThat(ids(readAll(chat))).containsExactly("m1", "m2", "m3", "m4", "m5", "m6", "end");
      assertThat(chat.stats().duplicatesDropped()).isEqualTo(5);
      assertThat(chat.stats().delivered()).isEqualTo(7);
    }
    // The client did resume from its last token; the server answered from the start anyway.
    assertThat(server.connections())
        .extracting(ScriptedChatServer.Connection::pageToken)
        .containsExactly(null, "t5");
  }

  @Test
  void theDedupMemoryHoldsOnlyTheLastWindowOfIds() {
    // Window 3: after m1..m5 the chat remembers m3, m4, m5. A replay of m4 and m5 is dropped; m1,
    // older than the window, is forgotten and delivered again: what the bound costs.
    ScriptedChatServer server = replaying("m4", "m5", "m1");
    try (LiveChat chat =
        LiveChat.connect(client(server), grpc(new RecordingSleeper()).withDedupWindow(3))) {
      assertThat(ids(readAll(chat)))
          .containsExactly("m1", "m2", "m3", "m4", "m5", "m1", "m6", "end");
      assertThat(chat.stats().duplicatesDropped()).isEqualTo(2);
    }
    // The same replay with the default window (10,000): all three dropped.
    ScriptedChatServer again = replaying("m4", "m5", "m1");
    try (LiveChat chat = LiveChat.connect(client(again), grpc(new RecordingSleeper()))) {
      assertThat(ids(readAll(chat))).containsExactly("m1", "m2", "m3", "m4", "m5", "m6", "end");
      assertThat(chat.stats().duplicatesDropped()).isEqualTo(3);
    }
  }

  @Test
  void aChatThatGoesOfflineWithoutAnEndedEventCompletesTheStream() {
    // offline_at with the last messages, and the stream left open: the client must end by itself.
    ScriptedChatServer server =
        server(
            (n, request, responses) ->
                responses.onNext(
                    page("t2", text("m1"), text("m2"))
                        .setOfflineAt("2026-09-24T19:00:00Z")
                        .build()));
    try (LiveChat chat = LiveChat.connect(client(server), grpc(new RecordingSleeper()))) {
      List<ChatEvent> events = readAll(chat);
      assertThat(ids(events)).containsExactly("m1", "m2");
      assertThat(events).noneMatch(e -> e instanceof ChatEvent.ChatEnded);
      assertThat(chat.stats().streamsOpened()).isEqualTo(1);
    }
  }

  @Test
  void aTokenRejectedAgainRightAfterItsRenewalEndsTheChatTyped() {
    // The first stream delivers m1 then says UNAUTHENTICATED; the token is renewed; the stream
    // with the new token is refused too.
    ScriptedChatServer server =
        server(
            (n, request, responses) -> {
              if (n == 0) {
                responses.onNext(page("t1", text("m1")).build());
              }
              responses.onError(
                  Status.UNAUTHENTICATED.withDescription("token rejected").asRuntimeException());
            });
    FakeGoogle google = FakeGoogle.start();
    servers.add(google);
    google.otherwise(
        "/token",
        r ->
            Reply.json(
                200,
                "{\"access_token\":\"ya29.second\",\"expires_in\":3600,\"token_type\":\"Bearer\"}"));
    YouTubeClient cli =
        YouTubeClient.builder()
            .clientId("client_id")
            .clientSecret("s3cret")
            .accessToken(
                new AccessToken(
                    "ya29.first",
                    3600L,
                    "Bearer",
                    "1//refresh",
                    null,
                    null,
                    Instant.now().plus(Duration.ofHours(1))))
            .endpoints(google.endpoints().withGrpc(server.target()))
            .build();
    List<ChatEvent> events = new ArrayList<>();
    try (LiveChat chat = LiveChat.connect(cli, grpc(new RecordingSleeper()))) {
      assertThatThrownBy(
              () -> assertTimeoutPreemptively(LIMIT, () -> chat.events().forEach(events::add)))
          .isInstanceOfSatisfying(
              UnauthorizedException.class,
              e -> assertThat(e.status()).isEqualTo("UNAUTHENTICATED"));
    }
    assertThat(ids(events)).containsExactly("m1");
    assertThat(google.received("/token")).hasSize(1);
    assertThat(google.received("/token").get(0).form())
        .containsEntry("grant_type", "refresh_token")
        .containsEntry("refresh_token", "1//refresh");
    assertThat(server.connections())
        .extracting(ScriptedChatServer.Connection::authorization)
        .containsExactly("Bearer ya29.first", "Bearer ya29.second");
    assertThat(server.connections().get(1).pageToken()).isEqualTo("t1");
  }

  @Test
  void aPollUpdatedUnderItsIdArrivesAgainWithItsNewTalliesOnlyWhenTheyChange() {
    ScriptedChatServer server =
        server(
            (n, request, responses) -> {
              if (n == 0) {
                // The poll starts: as a message, and as the active poll (the same, not repeated).
                responses.onNext(
                    page("t1", poll("p1", true, 0, 0))
                        .setActivePollItem(poll("p1", true, 0, 0))
                        .build());
                responses.onNext(
                    page("t2", text("m1")).setActivePollItem(poll("p1", true, 1, 0)).build());
                responses.onNext(
                    page("t3", text("m2")).setActivePollItem(poll("p1", true, 1, 0)).build());
                responses.onNext(page("t4").setActivePollItem(poll("p1", true, 3, 2)).build());
                responses.onError(Status.UNAVAILABLE.asRuntimeException());
              } else {
                // After the resume, the active poll as it was: not news.
                responses.onNext(page("t5").setActivePollItem(poll("p1", true, 3, 2)).build());
                responses.onNext(page("t6", poll("p1", false, 4, 2)).build());
                responses.onNext(page("t7", chatEnded("end")).build());
                responses.onCompleted();
              }
            });
    // A dedup window of 1: an unchanged active poll is not news even once the dedup memory has
    // forgotten it (after m2 here).
    try (LiveChat chat =
        LiveChat.connect(client(server), grpc(new RecordingSleeper()).withDedupWindow(1))) {
      List<ChatEvent> events = readAll(chat);
      assertThat(ids(events)).containsExactly("p1", "m1", "p1", "m2", "p1", "p1", "end");
      assertThat(chat.stats().duplicatesDropped()).isZero();
      assertThat(events)
          .filteredOn(e -> e instanceof ChatEvent.Poll)
          .extracting(e -> talliesOf((ChatEvent.Poll) e))
          .containsExactly("0,0 ACTIVE", "1,0 ACTIVE", "3,2 ACTIVE", "4,2 CLOSED");
      assertThat(events.get(2)).isInstanceOf(ChatEvent.Poll.class);
      ChatEvent.Poll update = (ChatEvent.Poll) events.get(2);
      assertThat(update.question()).isEqualTo("Rye or wheat?");
      assertThat(update.author().channelId()).isEqualTo("UCbob");
      assertThat(update.publishedAt()).isEqualTo(Instant.parse(ScriptedChatServer.PUBLISHED));
    }
  }

  static String talliesOf(ChatEvent.Poll poll) {
    return String.join(",", poll.options().stream().map(o -> String.valueOf(o.tally())).toList())
        + " "
        + poll.status();
  }
}
