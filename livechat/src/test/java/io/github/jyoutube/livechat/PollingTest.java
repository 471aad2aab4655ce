package io.github.jyoutube.livechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import io.github.jyoutube.testing.RecordingSleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link LiveChat} polling {@code liveChatMessages.list} on a loopback fake: the wait between two
 * polls is never shorter than the {@code pollingIntervalMillis} of the first; {@code nextPageToken}
 * is followed; {@code offlineAt} without a chat-ended message ends the chat; {@code activePollItem}
 * updates arrive as {@link ChatEvent.Poll} events. Waits go to a {@link RecordingSleeper}.
 */
class PollingTest {

  private static final String LIST = "/youtube/v3/liveChat/messages";
  private static final Duration LIMIT = Duration.ofSeconds(20);

  private final FakeGoogle google = FakeGoogle.start();
  private final RecordingSleeper sleeper = new RecordingSleeper();

  /** How many waits the sleeper had recorded when each poll arrived. */
  private final List<Integer> waitsBeforePoll = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    google.close();
  }

  /** Answers poll number {@code i} (from 0) with {@code pages.apply(i)}. */
  private void serve(IntFunction<String> pages) {
    AtomicInteger polls = new AtomicInteger();
    google.otherwise(
        LIST,
        request -> {
          waitsBeforePoll.add(sleeper.delays().size());
          return Reply.json(200, pages.apply(polls.getAndIncrement()));
        });
  }

  private LiveChat connect(LiveChatOptions options) {
    YouTubeClient cli =
        YouTubeClient.builder().endpoints(google.endpoints()).accessToken("ya29.test").build();
    return LiveChat.connect(cli, options.withTransport(Transport.POLLING).withSleeper(sleeper));
  }

  private static List<ChatEvent> readAll(LiveChat chat) {
    return assertTimeoutPreemptively(LIMIT, () -> chat.events().toList());
  }

  @Test
  void pollsNeverComeFasterThanTheServerSaysAndFollowNextPageToken() {
    // The wait each page asks for; null: none, so the client's default (900 ms here) applies.
    Long[] intervals = {1200L, 700L, null, 40L};
    serve(
        i ->
            switch (i) {
              case 0 -> page("A", intervals[0], null, null, text("m1"), text("m2"));
              case 1 -> page("B", intervals[1], null, null);
              case 2 -> page("C", intervals[2], null, null, text("m3"));
              // offlineAt, no chatEndedEvent: the chat is over.
              case 3 -> page("D", intervals[3], "2026-09-24T19:00:00Z", null, text("m4"));
              // Read only by a client that polls on past offlineAt.
              default -> page("E", 40L, null, null, text("after the end"), ended("end"));
            });
    try (LiveChat chat =
        connect(
            LiveChatOptions.forChat("chat").withDefaultPollingInterval(Duration.ofMillis(900)))) {
      List<ChatEvent> events = readAll(chat);
      assertThat(events).extracting(ChatEvent::id).containsExactly("m1", "m2", "m3", "m4");
      assertThat(chat.stats().polls()).isEqualTo(4);
    }
    assertThat(google.received(LIST))
        .extracting(r -> r.query().get("pageToken"))
        .containsExactly(null, "A", "B", "C");

    List<Duration> waits = sleeper.delays();
    System.out.println(
        "pollingIntervalMillis 1200, 700, none (default 900), 40; waits between polls (ms): "
            + waits.stream().map(Duration::toMillis).toList());
    long[] asked = {1200, 700, 900};
    for (int poll = 0; poll < asked.length; poll++) {
      Duration between = Duration.ZERO;
      for (Duration wait :
          waits.subList(waitsBeforePoll.get(poll), waitsBeforePoll.get(poll + 1))) {
        between = between.plus(wait);
      }
      assertThat(between)
          .as("wait between poll %d and poll %d", poll, poll + 1)
          .isGreaterThanOrEqualTo(Duration.ofMillis(asked[poll]));
    }
    assertThat(waits.subList(waitsBeforePoll.get(3), waits.size()))
        .as("no wait once offlineAt ended the chat")
        .isEmpty();
  }

  @Test
  void anActivePollItemWhoseTalliesChangeArrivesAsAPollEvent() {
    serve(
        i ->
            switch (i) {
              case 0 -> page("A", 10L, null, poll("p1", true, 0, 0), poll("p1", true, 0, 0));
              case 1 -> page("B", 10L, null, poll("p1", true, 1, 0), text("m1"));
              case 2 -> page("C", 10L, null, poll("p1", true, 1, 0));
              case 3 -> page("D", 10L, null, poll("p1", true, 3, 2));
              default -> page("E", 10L, "2026-09-24T19:00:00Z", null, poll("p1", false, 4, 2));
            });
    try (LiveChat chat = connect(LiveChatOptions.forChat("chat"))) {
      List<ChatEvent> events = readAll(chat);
      assertThat(events).extracting(ChatEvent::id).containsExactly("p1", "m1", "p1", "p1", "p1");
      assertThat(events)
          .filteredOn(e -> e instanceof ChatEvent.Poll)
          .extracting(e -> GrpcStreamFaultsTest.talliesOf((ChatEvent.Poll) e))
          .containsExactly("0,0 ACTIVE", "1,0 ACTIVE", "3,2 ACTIVE", "4,2 CLOSED");
      assertThat(chat.stats().duplicatesDropped()).isZero();
    }
  }

  // ---- JSON ------------------------------------------------------------------------------------

  private static String page(
      String next, Long interval, String offlineAt, String activePoll, String... items) {
    StringBuilder json = new StringBuilder("{\"kind\":\"youtube#liveChatMessageListResponse\"");
    json.append(",\"nextPageToken\":\"").append(next).append('"');
    if (interval != null) {
      json.append(",\"pollingIntervalMillis\":").append(interval);
    }
    if (offlineAt != null) {
      json.append(",\"offlineAt\":\"").append(offlineAt).append('"');
    }
    if (activePoll != null) {
      json.append(",\"activePollItem\":").append(activePoll);
    }
    json.append(",\"items\":[").append(String.join(",", items)).append("]}");
    return json.toString();
  }

  private static String message(String id, String type, String details) {
    return "{\"kind\":\"youtube#liveChatMessage\",\"id\":\""
        + id
        + "\",\"snippet\":{\"type\":\""
        + type
        + "\",\"liveChatId\":\"chat\",\"authorChannelId\":\"UCbob\",\"publishedAt\":\""
        + ScriptedChatServer.PUBLISHED
        + "\""
        + details
        + "},\"authorDetails\":{\"channelId\":\"UCbob\",\"displayName\":\"Bob\"}}";
  }

  private static String text(String id) {
    return message(
        id,
        "textMessageEvent",
        ",\"displayMessage\":\"text of "
            + id
            + "\",\"textMessageDetails\":{\"messageText\":\"text of "
            + id
            + "\"}");
  }

  private static String ended(String id) {
    return message(id, "chatEndedEvent", "");
  }

  private static String poll(String id, boolean active, long... tallies) {
    String[] names = {"Rye", "Wheat", "Spelt"};
    List<String> options = new ArrayList<>();
    for (int i = 0; i < tallies.length; i++) {
      options.add("{\"optionText\":\"" + names[i] + "\",\"tally\":\"" + tallies[i] + "\"}");
    }
    return message(
        id,
        "pollEvent",
        ",\"displayMessage\":\"Rye or wheat?\",\"pollDetails\":{\"metadata\":{\"questionText\":"
            + "\"Rye or wheat?\",\"options\":["
            + String.join(",", options)
            + "]},\"status\":\""
            + (active ? "active" : "closed")
            + "\"}");
  }
}
