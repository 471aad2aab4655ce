package io.github.jyoutube.emulator.livechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.emulator.Account;
import io.github.jyoutube.emulator.EmulatedChat;
import io.github.jyoutube.emulator.EmulatedChat.Viewer;
import io.github.jyoutube.emulator.YouTubeEmulator;
import io.github.jyoutube.livechat.ChatEvent;
import io.github.jyoutube.livechat.LiveChat;
import io.github.jyoutube.livechat.LiveChatOptions;
import io.github.jyoutube.livechat.LiveChatStats;
import io.github.jyoutube.livechat.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live chat under faults (docs/RELIABILITY.md): the emulator cuts the gRPC stream server-side
 * at random moments, over a hundred times, while thousands of messages flow, and every message must
 * arrive exactly once and in order; a listener far slower than the chat must not make the client
 * hold more than its bounded buffer.
 *
 * <p>{@code -Djyoutube.livechat.messages} and {@code .cuts} resize the first test.
 */
class LiveChatReliabilityTest {

  private static final String CHAT = YouTubeEmulator.SEEDED_LIVE_CHAT_ID;
  private static final int MESSAGES = Integer.getInteger("jyoutube.livechat.messages", 12_000);
  private static final int CUTS = Integer.getInteger("jyoutube.livechat.cuts", 120);

  private YouTubeEmulator emulator;

  @BeforeEach
  void start() {
    emulator = YouTubeEmulator.start();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private YouTubeClient alice() {
    return YouTubeClient.builder()
        .endpoints(emulator.endpoints())
        .accessToken(emulator.accessToken(Account.ALICE))
        .build();
  }

  @Test
  void streamsCutAtRandomPointsLoseNothingAndRepeatNothing() throws Exception {
    EmulatedChat emulated = emulator.chat(CHAT);
    Viewer bob = Viewer.of(Account.BOB);
    Random random = new Random(20260924);
    AtomicBoolean producing = new AtomicBoolean(true);
    AtomicInteger cuts = new AtomicInteger();
    LiveChatOptions options =
        LiveChatOptions.forChat(CHAT)
            .withTransport(Transport.GRPC)
            .withBackoff(Duration.ofMillis(1), Duration.ofMillis(10))
            .withMaxFailures(1000);
    long started = System.nanoTime();
    try (LiveChat chat = LiveChat.connect(alice(), options)) {
      Iterator<ChatEvent> events = chat.events().iterator();
      Thread producer =
          new Thread(
              () -> {
                for (int i = 0; i < MESSAGES; i++) {
                  emulated.post(bob, "m" + i);
                  if (i % 40 == 0) {
                    sleep(1);
                  }
                }
                producing.set(false);
              },
              "producer");
      Thread cutter =
          new Thread(
              () -> {
                // Cut at random moments while messages flow, and on until enough cuts were made.
                while (producing.get() || cuts.get() < CUTS) {
                  sleep(1 + random.nextInt(20));
                  cuts.addAndGet(emulated.cutStreams());
                }
                emulated.end();
              },
              "cutter");
      List<String> texts = new ArrayList<>();
      assertTimeoutPreemptively(
          Duration.ofSeconds(60),
          () -> {
            producer.start();
            cutter.start();
            while (events.hasNext()) {
              ChatEvent event = events.next();
              if (event instanceof ChatEvent.TextMessage text) {
                texts.add(text.text());
              }
            }
            producer.join();
            cutter.join();
          });
      LiveChatStats stats = chat.stats();
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "%d messages, %d stream cuts, %d streams opened, %d duplicates dropped, %.1f s%n",
          MESSAGES, cuts.get(), stats.streamsOpened(), stats.duplicatesDropped(), seconds);
      assertThat(cuts.get()).isGreaterThanOrEqualTo(CUTS);
      assertThat(stats.streamsOpened()).isGreaterThan(CUTS);
      List<String> expected = new ArrayList<>(List.of("Hello from Bob!", "What flour do you use?"));
      for (int i = 0; i < MESSAGES; i++) {
        expected.add("m" + i);
      }
      assertThat(texts).hasSize(expected.size());
      assertThat(texts).isEqualTo(expected); // exactly once, in order
    }
  }

  @Test
  void aSlowListenerDoesNotMakeTheClientHoldMoreThanItsBuffer() throws Exception {
    EmulatedChat emulated = emulator.chat(CHAT);
    Viewer bob = Viewer.of(Account.BOB);
    int messages = 20_000;
    int buffer = 100;
    for (int i = 0; i < messages; i++) {
      emulated.post(bob, "m" + i);
    }
    emulated.end();
    LiveChatOptions options = LiveChatOptions.forChat(CHAT).withBufferSize(buffer);
    try (LiveChat chat = LiveChat.connect(alice(), options)) {
      Iterator<ChatEvent> events = chat.events().iterator();
      long consumed = 0;
      long mostAhead = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      // A listener that takes 1 ms per event, for 2 s: the chat has 10 times more ready.
      while (System.nanoTime() < deadline) {
        events.next();
        consumed++;
        Thread.sleep(1);
        LiveChatStats stats = chat.stats();
        mostAhead = Math.max(mostAhead, stats.delivered() - consumed);
        assertThat(stats.buffered()).isLessThanOrEqualTo(buffer);
      }
      System.out.printf(
          "slow listener: consumed %d of %d in 2 s; the client read at most %d ahead (buffer %d)%n",
          consumed, messages, mostAhead, buffer);
      assertThat(mostAhead).isLessThanOrEqualTo(buffer);
      assertThat(consumed).isLessThan(messages / 2);
      // Then it catches up: everything else arrives, once.
      long rest =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30),
              () -> {
                long n = 0;
                while (events.hasNext()) {
                  events.next();
                  n++;
                }
                return n;
              });
      assertThat(consumed + rest).isEqualTo(2 + messages + 1);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
