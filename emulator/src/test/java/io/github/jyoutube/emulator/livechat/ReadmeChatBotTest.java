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
import io.github.jyoutube.model.LiveChatMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The chat bot of the README, line for line, against the emulator with a simulated audience. */
class ReadmeChatBotTest {

  /** The README's bot: answers {@code !ping} with {@code pong}, adds up Super Chats. */
  static Map<String, BigDecimal> bot(YouTubeClient cli, String videoId) {
    Map<String, BigDecimal> superChats = new TreeMap<>();
    try (LiveChat chat = LiveChat.connect(cli, LiveChatOptions.forVideo(videoId))) {
      chat.events()
          .forEach(
              event -> {
                if (event instanceof ChatEvent.TextMessage m && m.text().equals("!ping")) {
                  chat.send("pong");
                } else if (event instanceof ChatEvent.SuperChat s) {
                  superChats.merge(s.currency(), s.amount(), BigDecimal::add);
                }
              });
    }
    return superChats;
  }

  @Test
  void theBotAnswersPingAndCountsSuperChatsUntilTheChatEnds() throws Exception {
    try (YouTubeEmulator emulator = YouTubeEmulator.start()) {
      YouTubeClient cli =
          YouTubeClient.builder()
              .endpoints(emulator.endpoints())
              .accessToken(emulator.accessToken(Account.ALICE))
              .build();
      YouTubeClient bobs =
          YouTubeClient.builder()
              .endpoints(emulator.endpoints())
              .accessToken(emulator.accessToken(Account.BOB))
              .build();
      CompletableFuture<Map<String, BigDecimal>> totals =
          CompletableFuture.supplyAsync(() -> bot(cli, YouTubeEmulator.SEEDED_BROADCAST_ID));

      EmulatedChat chat = emulator.chat(YouTubeEmulator.SEEDED_LIVE_CHAT_ID);
      Viewer fan = new Viewer("UCfan000000000000000000a", "A Fan");
      chat.superChat(fan, 5_000_000, "USD", "love it");
      chat.post(Viewer.of(Account.BOB), "!ping");
      chat.superChat(fan, 2_500_000, "USD", null);
      chat.superChat(Viewer.of(Account.BOB), 10_000_000, "EUR", "from Bob");
      LiveChatMessage pong =
          assertTimeoutPreemptively(
              Duration.ofSeconds(20),
              () -> {
                while (true) {
                  for (LiveChatMessage m :
                      bobs.liveChatMessages()
                          .list(YouTubeEmulator.SEEDED_LIVE_CHAT_ID)
                          .execute()
                          .items()) {
                    if (m.snippet().textMessageDetails() != null
                        && "pong".equals(m.snippet().textMessageDetails().messageText())) {
                      return m;
                    }
                  }
                  Thread.sleep(20);
                }
              });
      assertThat(pong.authorDetails().channelId()).isEqualTo(Account.ALICE.channelId());
      chat.end();

      Map<String, BigDecimal> counted =
          assertTimeoutPreemptively(Duration.ofSeconds(20), () -> totals.get());
      assertThat(counted).containsOnlyKeys("EUR", "USD");
      assertThat(counted.get("USD")).isEqualByComparingTo("7.5");
      assertThat(counted.get("EUR")).isEqualByComparingTo("10");
    }
  }
}
