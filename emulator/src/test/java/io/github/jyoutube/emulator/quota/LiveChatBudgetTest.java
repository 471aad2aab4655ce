package io.github.jyoutube.emulator.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.QuotaBucket;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.emulator.Account;
import io.github.jyoutube.emulator.YouTubeEmulator;
import io.github.jyoutube.error.QuotaBudgetExceededException;
import io.github.jyoutube.livechat.LiveChat;
import io.github.jyoutube.livechat.LiveChatOptions;
import io.github.jyoutube.livechat.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Live chat's gRPC stream keeps within the client's quota budget: refused before it opens. */
@Timeout(60)
class LiveChatBudgetTest {

  @Test
  void aStreamOverTheBudgetIsRefusedBeforeItOpens() {
    try (YouTubeEmulator emulator = YouTubeEmulator.builder().start()) {
      YouTubeClient cli =
          YouTubeClient.builder()
              .endpoints(emulator.endpoints())
              .accessToken(emulator.accessToken(Account.ALICE))
              .quotaBudget(QuotaBucket.DEFAULT, 4) // a stream costs 5
              .build();
      try (LiveChat chat =
          LiveChat.connect(
              cli,
              LiveChatOptions.forChat(YouTubeEmulator.SEEDED_LIVE_CHAT_ID)
                  .withTransport(Transport.GRPC))) {
        assertThatThrownBy(() -> chat.events().findFirst())
            .isInstanceOfSatisfying(
                QuotaBudgetExceededException.class,
                e -> {
                  assertThat(e.units()).isEqualTo(5);
                  assertThat(e.budget()).isEqualTo(4);
                });
        assertThat(chat.stats().streamsOpened()).isZero();
      }
      assertThat(emulator.quotaUsed(QuotaBucket.DEFAULT)).isZero();
      assertThat(cli.quota().spentToday()).isEmpty();
    }
  }
}
