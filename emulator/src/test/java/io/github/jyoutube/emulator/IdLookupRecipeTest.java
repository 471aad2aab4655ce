package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.QuotaBucket;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.model.Video;
import io.github.jyoutube.model.VideoListResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A lookup of 1,000 video ids goes out as 20 requests of 50 and costs 20 units, where the emulator
 * refuses one request of more than 50 ids as YouTube does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdLookupRecipeTest {

  @RegisterExtension
  static final YouTubeEmulatorExtension EMULATOR = new YouTubeEmulatorExtension(b -> b);

  private static final String CHANNEL = "UCvolume0lookup0channel0";

  private List<String> ids;
  private YouTubeClient cli;

  @BeforeAll
  void seed() {
    YouTubeEmulator emulator = EMULATOR.emulator();
    emulator.addChannel(CHANNEL, "Volume Lookup", "@volumelookup");
    ids =
        emulator.addVideos(
            CHANNEL,
            "Lookup clip",
            1000,
            Instant.parse("2025-01-01T00:00:00Z"),
            Duration.ofHours(1));
  }

  @BeforeEach
  void client() {
    YouTubeEmulator emulator = EMULATOR.emulator();
    emulator.resetQuota();
    cli = emulator.client(Account.ALICE);
  }

  @Test
  void thousandIdsCostTwentyUnitsAndComeBackInTheOrderAsked() {
    List<String> asked = new ArrayList<>(ids);
    Collections.shuffle(asked, new java.util.Random(7));

    VideoListResponse answer = cli.videos().list().id(asked).part("statistics").execute();

    assertThat(answer.items()).extracting(Video::id).containsExactlyElementsOf(asked);
    assertThat(answer.items()).allSatisfy(v -> assertThat(v.statistics().viewCount()).isNotNull());
    assertThat(EMULATOR.emulator().quotaUsed(QuotaBucket.DEFAULT)).isEqualTo(20);
    assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT)).isEqualTo(20);
  }

  @Test
  void streamWalksTheBatchesLazily() {
    List<String> first =
        cli.videos().list().id(ids).part("id").maxItems(120).stream().map(Video::id).toList();

    assertThat(first).containsExactlyElementsOf(ids.subList(0, 120));
    assertThat(EMULATOR.emulator().quotaUsed(QuotaBucket.DEFAULT)).isEqualTo(3);
  }

  @Test
  void unknownIdsAreLeftOutAsTheApiLeavesThemOut() {
    List<String> asked = new ArrayList<>(ids.subList(0, 60));
    asked.add(30, "nosuchvideo");

    List<String> found = cli.videos().list().id(asked).part("id").stream().map(Video::id).toList();

    assertThat(found).containsExactlyElementsOf(ids.subList(0, 60));
  }

  @Test
  void theEmulatorRefusesMoreThanFiftyIdsInOneRequest() {
    Raw raw =
        new Raw(EMULATOR.emulator().baseUri()).as(EMULATOR.emulator().accessToken(Account.ALICE));

    Raw.Response answer =
        raw.get("youtube/v3/videos?part=id&id=" + String.join(",", ids.subList(0, 51)));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().at("/error/errors/0/reason").asText()).isEqualTo("invalidParameter");
    assertThat(answer.json().at("/error/errors/0/location").asText()).isEqualTo("id");
    assertThat(
            raw.get("youtube/v3/videos?part=id&id=" + String.join(",", ids.subList(0, 50)))
                .status())
        .isEqualTo(200);
  }
}
