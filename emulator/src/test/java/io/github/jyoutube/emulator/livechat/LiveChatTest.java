package io.github.jyoutube.emulator.livechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.jyoutube.QuotaBucket;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.AuthorizationUrl;
import io.github.jyoutube.emulator.Account;
import io.github.jyoutube.emulator.EmulatedChat;
import io.github.jyoutube.emulator.EmulatedChat.Viewer;
import io.github.jyoutube.emulator.YouTubeEmulator;
import io.github.jyoutube.error.ForbiddenException;
import io.github.jyoutube.error.NotFoundException;
import io.github.jyoutube.error.ReauthorizationRequiredException;
import io.github.jyoutube.livechat.ChatEvent;
import io.github.jyoutube.livechat.ChatListener;
import io.github.jyoutube.livechat.LiveChat;
import io.github.jyoutube.livechat.LiveChatOptions;
import io.github.jyoutube.livechat.Transport;
import io.github.jyoutube.testing.MutableClock;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link LiveChat} against the emulator: every event type over gRPC and over polling, to the same
 * records; live delivery; the fallback to polling; refusals as typed exceptions; the token renewed
 * once; sending and moderating; the quota meter; the listener and publisher forms.
 */
class LiveChatTest {

  private static final String CHAT = YouTubeEmulator.SEEDED_LIVE_CHAT_ID;
  private static final Duration LIMIT = Duration.ofSeconds(20);

  private final MutableClock clock = new MutableClock(Instant.now());
  private YouTubeEmulator emulator;

  @BeforeEach
  void start() {
    emulator =
        YouTubeEmulator.builder()
            .autoApprove(true)
            .clock(clock)
            .chatPollingInterval(Duration.ofMillis(50))
            .start();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private YouTubeClient client(Account account) {
    return YouTubeClient.builder()
        .endpoints(emulator.endpoints())
        .accessToken(emulator.accessToken(account))
        .build();
  }

  private static LiveChatOptions fast(LiveChatOptions options) {
    return options.withBackoff(Duration.ofMillis(5), Duration.ofMillis(50));
  }

  /** One of each kind of message, then the chat's end. */
  private static List<String> simulateEverything(EmulatedChat chat) {
    Viewer fan = new Viewer("UCfan000000000000000000a", "A Fan");
    Viewer bob = Viewer.of(Account.BOB);
    List<String> ids = new ArrayList<>();
    ids.add(chat.post(bob, "hello"));
    ids.add(chat.superChat(fan, 5_000_000, "USD", "Great stream!"));
    ids.add(chat.superSticker(fan, 2_000_000, "EUR", "sticker-1", "A dancing cat"));
    ids.add(chat.newMember(fan, "Bakers"));
    ids.add(chat.memberMilestone(fan, "Bakers", 12, "A year!"));
    String gifting = chat.membershipGifting(fan, 5, "Bakers");
    ids.add(gifting);
    ids.add(chat.giftMembershipReceived(bob, fan, "Bakers", gifting));
    ids.add(chat.gift(fan, "Rose", 50, 3));
    ids.add(chat.poll(fan, "Rye or wheat?", List.of("Rye", "Wheat"), List.of(3L, 5L), true));
    String doomed = chat.post(bob, "spam spam");
    ids.add(doomed);
    ids.add(chat.delete(doomed));
    ids.add(chat.ban(fan, Duration.ofSeconds(300)));
    ids.add(chat.ban(new Viewer("UCtroll00000000000000000", "Troll"), null));
    ids.add(chat.membersOnly(true));
    ids.add(chat.membersOnly(false));
    chat.end();
    return ids;
  }

  private static List<ChatEvent> readAll(LiveChat chat) {
    return assertTimeoutPreemptively(LIMIT, () -> chat.events().toList());
  }

  @Test
  void everyKindOfMessageArrivesTypedAndGrpcAndPollingGiveTheSameRecords() {
    simulateEverything(emulator.chat(CHAT));
    YouTubeClient cli = client(Account.ALICE);
    List<ChatEvent> overGrpc;
    try (LiveChat chat =
        LiveChat.connect(cli, fast(LiveChatOptions.forChat(CHAT).withTransport(Transport.GRPC)))) {
      overGrpc = readAll(chat);
      assertThat(chat.transport()).isEqualTo(Transport.GRPC);
    }
    List<ChatEvent> overPolling;
    try (LiveChat chat =
        LiveChat.connect(
            cli, fast(LiveChatOptions.forChat(CHAT).withTransport(Transport.POLLING)))) {
      overPolling = readAll(chat);
      assertThat(chat.transport()).isEqualTo(Transport.POLLING);
    }
    assertThat(overPolling).isEqualTo(overGrpc);

    // History (2 seeded texts), then one of each kind; the deleted message shows as its tombstone.
    assertThat(overGrpc)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly(
            "TextMessage",
            "TextMessage",
            "TextMessage",
            "SuperChat",
            "SuperSticker",
            "NewMember",
            "MemberMilestone",
            "MembershipGifting",
            "GiftMembershipReceived",
            "Gift",
            "Poll",
            "MessageDeleted",
            "UserBanned",
            "UserBanned",
            "MembersOnlyModeStarted",
            "MembersOnlyModeEnded",
            "ChatEnded");
    // Every event of every kind says when it was published and by whom (for a ban or a deletion,
    // the moderator; for the chat's end, its owner), over either transport.
    for (List<ChatEvent> events : List.of(overGrpc, overPolling)) {
      assertThat(events)
          .allSatisfy(
              e -> {
                assertThat(e.publishedAt()).as("publishedAt of %s", e).isNotNull();
                assertThat(e.author()).as("author of %s", e).isNotNull();
                assertThat(e.author().channelId()).as("author channel of %s", e).isNotBlank();
              });
    }
    ChatEvent.SuperChat superChat = (ChatEvent.SuperChat) overGrpc.get(3);
    assertThat(superChat.amount()).isEqualByComparingTo(new BigDecimal("5"));
    assertThat(superChat.currency()).isEqualTo("USD");
    assertThat(superChat.comment()).isEqualTo("Great stream!");
    assertThat(superChat.author().displayName()).isEqualTo("A Fan");
    assertThat(superChat.publishedAt()).isNotNull();
    ChatEvent.SuperSticker sticker = (ChatEvent.SuperSticker) overGrpc.get(4);
    assertThat(sticker.altText()).isEqualTo("A dancing cat");
    assertThat(((ChatEvent.MemberMilestone) overGrpc.get(6)).months()).isEqualTo(12);
    ChatEvent.GiftMembershipReceived received = (ChatEvent.GiftMembershipReceived) overGrpc.get(8);
    assertThat(received.giftingMessageId()).isEqualTo(overGrpc.get(7).id());
    ChatEvent.Gift gift = (ChatEvent.Gift) overGrpc.get(9);
    assertThat(gift.duration()).isEqualTo(Duration.ofSeconds(5));
    assertThat(gift.comboCount()).isEqualTo(3);
    ChatEvent.Poll poll = (ChatEvent.Poll) overGrpc.get(10);
    assertThat(poll.options())
        .containsExactly(new ChatEvent.PollOption("Rye", 3), new ChatEvent.PollOption("Wheat", 5));
    assertThat(poll.status()).isEqualTo(ChatEvent.PollStatus.ACTIVE);
    ChatEvent.MessageDeleted deleted = (ChatEvent.MessageDeleted) overGrpc.get(11);
    assertThat(deleted.deletedMessageId()).isEqualTo(deleted.id());
    ChatEvent.UserBanned temporary = (ChatEvent.UserBanned) overGrpc.get(12);
    assertThat(temporary.duration()).isEqualTo(Duration.ofSeconds(300));
    assertThat(temporary.bannedUser().displayName()).isEqualTo("A Fan");
    assertThat(temporary.author().owner()).isTrue();
    assertThat(((ChatEvent.UserBanned) overGrpc.get(13)).permanent()).isTrue();
  }

  @Test
  void aVideoIdLeadsToItsChatAndNewMessagesArriveLive() throws Exception {
    EmulatedChat emulated = emulator.chat(CHAT);
    YouTubeClient alice = client(Account.ALICE);
    try (LiveChat chat =
        LiveChat.connect(alice, LiveChatOptions.forVideo(YouTubeEmulator.SEEDED_BROADCAST_ID))) {
      assertThat(chat.id()).isEqualTo(CHAT);
      List<ChatEvent> seen = new CopyOnWriteArrayList<>();
      CountDownLatch ended = new CountDownLatch(1);
      chat.listen(
          new ChatListener() {
            @Override
            public void onEvent(ChatEvent event) {
              seen.add(event);
            }

            @Override
            public void onEnd() {
              ended.countDown();
            }
          });
      awaitSize(seen, 2);
      ChatEvent.TextMessage sent = chat.send("Welcome, everyone!");
      awaitSize(seen, 3);
      assertThat(seen.get(2).id()).isEqualTo(sent.id());
      emulated.post(Viewer.of(Account.BOB), "live!");
      awaitSize(seen, 4);
      emulated.end();
      assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(seen.get(seen.size() - 1)).isInstanceOf(ChatEvent.ChatEnded.class);
      assertThat(chat.stats().streamsOpened()).isEqualTo(1);
    }
    assertThatThrownBy(
            () ->
                LiveChat.connect(
                    alice, LiveChatOptions.forVideo(YouTubeEmulator.SEEDED_BROADCAST_ID)))
        .isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(((NotFoundException) e).reason()).isEqualTo("liveChatNotFound"));
    assertThatThrownBy(() -> LiveChat.connect(alice, LiveChatOptions.forVideo("noSuchVideo")))
        .isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(((NotFoundException) e).reason()).isEqualTo("videoNotFound"));
  }

  @Test
  void anUnreachableGrpcEndpointFallsBackToPollingAndPollsCountInTheQuotaMeter() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    YouTubeClient cli =
        YouTubeClient.builder()
            .endpoints(emulator.endpoints().withGrpc(URI.create("http://127.0.0.1:" + closed)))
            .accessToken(emulator.accessToken(Account.ALICE))
            .build();
    emulator.chat(CHAT).post(Viewer.of(Account.BOB), "are you there?");
    try (LiveChat chat = LiveChat.connect(cli, fast(LiveChatOptions.forChat(CHAT)))) {
      List<ChatEvent> events = new ArrayList<>();
      var iterator = chat.events().iterator();
      assertTimeoutPreemptively(
          LIMIT,
          () -> {
            while (events.size() < 3) {
              events.add(iterator.next());
            }
          });
      assertThat(chat.transport()).isEqualTo(Transport.POLLING);
      assertThat(((ChatEvent.TextMessage) events.get(2)).text()).isEqualTo("are you there?");
      Thread.sleep(300); // a few more polls, 50 ms apart as the emulator says
      long polls = chat.stats().polls();
      assertThat(polls).isGreaterThanOrEqualTo(2);
      long spent = cli.quota().spentToday(QuotaBucket.DEFAULT);
      // 5 units per poll; the gRPC attempts never left the machine (connection refused): free.
      assertThat(chat.stats().streamsOpened()).isEqualTo(2);
      assertThat(spent).as("spent for %s", chat.stats()).isEqualTo(5 * chat.stats().polls());
    }
  }

  @Test
  void pollingAsksForTheLargestPageSoThatABusyChatDoesNotOutrunIt() {
    EmulatedChat emulated = emulator.chat(CHAT);
    for (int i = 0; i < 4_000; i++) {
      emulated.post(Viewer.of(Account.BOB), "m" + i);
    }
    emulated.end();
    try (LiveChat chat =
        LiveChat.connect(
            client(Account.ALICE),
            LiveChatOptions.forChat(CHAT).withTransport(Transport.POLLING))) {
      assertThat(readAll(chat)).hasSize(2 + 4_000 + 1);
      // 2,000 a poll: 3 polls (500 a poll, the API's default, took 9, one pollingInterval each).
      assertThat(chat.stats().polls()).isEqualTo(3);
    }
  }

  @Test
  void refusalsEndTheChatWithTypedExceptions() {
    String profileOnly =
        emulator.accessToken(Account.ALICE, "https://www.googleapis.com/auth/userinfo.profile");
    YouTubeClient noScope =
        YouTubeClient.builder().endpoints(emulator.endpoints()).accessToken(profileOnly).build();
    try (LiveChat chat =
        LiveChat.connect(noScope, LiveChatOptions.forChat(CHAT).withTransport(Transport.GRPC))) {
      assertThatThrownBy(() -> readAll(chat))
          .isInstanceOf(ForbiddenException.class)
          .satisfies(
              e ->
                  assertThat(((ForbiddenException) e).reason())
                      .isEqualTo("insufficientPermissions"));
    }
    try (LiveChat chat =
        LiveChat.connect(client(Account.ALICE), LiveChatOptions.forChat("noSuchChat"))) {
      assertThatThrownBy(() -> readAll(chat))
          .isInstanceOf(NotFoundException.class)
          .satisfies(
              e -> assertThat(((NotFoundException) e).reason()).isEqualTo("liveChatNotFound"));
    }
    YouTubeClient bad =
        YouTubeClient.builder().endpoints(emulator.endpoints()).accessToken("ya29.bogus").build();
    try (LiveChat chat = LiveChat.connect(bad, LiveChatOptions.forChat(CHAT))) {
      // As for a REST call: a rejected token that this client cannot renew is the typed signal
      // to sign in again.
      assertThatThrownBy(() -> readAll(chat))
          .isInstanceOf(ReauthorizationRequiredException.class)
          .hasMessageContaining("no refresh token");
    }
  }

  @Test
  void anExpiredTokenIsRenewedOnceAndTheStreamGoesOn() throws Exception {
    YouTubeClient cli =
        YouTubeClient.builder()
            .clientId(YouTubeEmulator.CLIENT_ID)
            .clientSecret(YouTubeEmulator.CLIENT_SECRET)
            .endpoints(emulator.endpoints())
            .build();
    AccessToken first = signIn(cli);
    EmulatedChat emulated = emulator.chat(CHAT);
    try (LiveChat chat = LiveChat.connect(cli, fast(LiveChatOptions.forChat(CHAT)))) {
      var iterator = chat.events().iterator();
      List<ChatEvent> events = new ArrayList<>();
      assertTimeoutPreemptively(LIMIT, () -> events.add(iterator.next()));
      clock.advance(Duration.ofHours(2)); // the emulator now rejects the token
      assertThat(emulated.cutStreams()).isEqualTo(1); // the resume meets UNAUTHENTICATED
      emulated.post(Viewer.of(Account.BOB), "after the refresh");
      assertTimeoutPreemptively(
          LIMIT,
          () -> {
            while (events.size() < 3) {
              events.add(iterator.next());
            }
          });
      assertThat(((ChatEvent.TextMessage) events.get(2)).text()).isEqualTo("after the refresh");
      assertThat(cli.accessToken().orElseThrow().accessToken()).isNotEqualTo(first.accessToken());
      assertThat(chat.stats().streamsOpened()).isEqualTo(3); // first, rejected, renewed
      assertThat(chat.stats().duplicatesDropped()).isZero();
    }
  }

  @Test
  void sendingAndModeratingReachTheChat() throws Exception {
    YouTubeClient alice = client(Account.ALICE);
    YouTubeClient bob = client(Account.BOB);
    try (LiveChat owner = LiveChat.connect(alice, LiveChatOptions.forChat(CHAT));
        LiveChat viewer = LiveChat.connect(bob, LiveChatOptions.forChat(CHAT))) {
      var events = owner.events().iterator();
      List<ChatEvent> seen = new ArrayList<>();
      ChatEvent.TextMessage rude = viewer.send("rude words");
      // A message deleted before the owner's stream reads it is never shown, only its tombstone:
      // wait until the owner has seen it, or a slow stream would leave the test one event short.
      assertTimeoutPreemptively(
          LIMIT,
          () -> {
            while (seen.size() < 3) {
              seen.add(events.next());
            }
          });
      String moderator = owner.addModerator(Account.BOB.channelId());
      owner.delete(rude.id());
      String ban = owner.ban("UCtroll00000000000000000", Duration.ofMinutes(5));
      String forever = owner.banPermanently("UCspam000000000000000000");
      owner.unban(ban);
      owner.removeModerator(moderator);
      assertTimeoutPreemptively(
          LIMIT,
          () -> {
            while (seen.size() < 6) {
              seen.add(events.next());
            }
          });
      assertThat(seen.subList(2, 6))
          .extracting(e -> e.getClass().getSimpleName())
          .containsExactly("TextMessage", "MessageDeleted", "UserBanned", "UserBanned");
      assertThat(((ChatEvent.MessageDeleted) seen.get(3)).deletedMessageId()).isEqualTo(rude.id());
      assertThat(((ChatEvent.UserBanned) seen.get(4)).duration()).isEqualTo(Duration.ofMinutes(5));
      assertThat(((ChatEvent.UserBanned) seen.get(5)).permanent()).isTrue();
      assertThat(forever).isNotBlank();
      // Bob moderates the seeded chat: once he no longer does, he may not ban.
      for (var each : alice.liveChatModerators().list(CHAT).execute().items()) {
        owner.removeModerator(each.id());
      }
      assertThatThrownBy(() -> viewer.banPermanently(Account.ALICE.channelId()))
          .isInstanceOf(ForbiddenException.class);
      assertThatThrownBy(() -> owner.send("x".repeat(201)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("200");
    }
  }

  @Test
  void aPublisherSendsOnlyWhatIsRequested() throws Exception {
    try (LiveChat chat = LiveChat.connect(client(Account.ALICE), LiveChatOptions.forChat(CHAT))) {
      List<ChatEvent> received = new CopyOnWriteArrayList<>();
      CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
      chat.publisher()
          .subscribe(
              new Flow.Subscriber<ChatEvent>() {
                @Override
                public void onSubscribe(Flow.Subscription s) {
                  subscription.complete(s);
                }

                @Override
                public void onNext(ChatEvent item) {
                  received.add(item);
                }

                @Override
                public void onError(Throwable throwable) {}

                @Override
                public void onComplete() {}
              });
      subscription.get(5, TimeUnit.SECONDS).request(1);
      awaitSize(received, 1);
      Thread.sleep(200);
      assertThat(received).hasSize(1); // the second history message waits for demand
      subscription.get().request(5);
      awaitSize(received, 2);
      assertThatThrownBy(chat::events).isInstanceOf(IllegalStateException.class);
    }
  }

  private static void awaitSize(List<?> list, int size) throws InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (list.size() < size) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited for " + size + " events, have " + list);
      }
      Thread.sleep(5);
    }
  }

  /** Signs in through the consent page (auto-approved) and the code exchange. */
  private static AccessToken signIn(YouTubeClient cli) throws Exception {
    AuthorizationUrl auth = cli.getAuthorizeUrl();
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<Void> consent =
        http.send(
            HttpRequest.newBuilder(auth.uri()).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(consent.statusCode()).isEqualTo(302);
    return cli.generateAccessToken(consent.headers().firstValue("Location").orElseThrow());
  }
}
