package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.QuotaBucket;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.error.UnresolvedChannelException;
import io.github.jyoutube.model.Video;
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

/** Every upload of a channel through its uploads playlist, at one unit per 50 videos. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadsRecipeTest {

  @RegisterExtension
  static final YouTubeEmulatorExtension EMULATOR = new YouTubeEmulatorExtension(b -> b);

  private static final String CHANNEL = "UCvolume0uploads0chan000";
  private static final String EMPTY = "UCvolume0no0uploads00000";
  private static final int UPLOADS = 1234;

  private List<String> newestFirst;
  private YouTubeClient cli;

  @BeforeAll
  void seed() {
    YouTubeEmulator emulator = EMULATOR.emulator();
    emulator.addChannel(CHANNEL, "Volume Uploads", "@volumeuploads");
    emulator.addChannel(EMPTY, "No Uploads", "@nouploads");
    List<String> ids =
        emulator.addVideos(
            CHANNEL, "Upload", UPLOADS, Instant.parse("2020-01-01T00:00:00Z"), Duration.ofHours(7));
    newestFirst = new ArrayList<>(ids);
    Collections.reverse(newestFirst);
  }

  @BeforeEach
  void client() {
    YouTubeEmulator emulator = EMULATOR.emulator();
    emulator.resetQuota();
    cli = emulator.client(Account.ALICE);
  }

  private long spent() {
    return EMULATOR.emulator().quotaUsed(QuotaBucket.DEFAULT);
  }

  @Test
  void everyUploadNewestFirstAtOneUnitPerFifty() {
    List<String> ids = cli.recipes().uploads(CHANNEL).videoIds().toList();

    assertThat(ids).containsExactlyElementsOf(newestFirst);
    assertThat(spent()).isEqualTo((UPLOADS + 49) / 50); // 25
    assertThat(EMULATOR.emulator().quotaUsed(QuotaBucket.SEARCH)).isZero();
  }

  @Test
  void videosAddTheirDetailsAtOneMoreUnitPerFifty() {
    List<Video> videos = cli.recipes().uploads(CHANNEL).videos().toList();

    assertThat(videos).extracting(Video::id).containsExactlyElementsOf(newestFirst);
    assertThat(videos)
        .allSatisfy(
            v -> {
              assertThat(v.statistics().viewCount()).isNotNull();
              assertThat(v.contentDetails().duration()).startsWith("PT");
            });
    assertThat(spent()).isEqualTo(2L * ((UPLOADS + 49) / 50)); // 50
  }

  @Test
  void maxItemsFetchesNoPageBeyondIt() {
    List<Video> first =
        cli.recipes().uploads(CHANNEL).maxItems(120).videoParts("statistics").videos().toList();

    assertThat(first).extracting(Video::id).containsExactlyElementsOf(newestFirst.subList(0, 120));
    assertThat(spent()).isEqualTo(6); // 3 pages of items (50, 50, 20), 3 lookups
  }

  @Test
  void aChannelWithoutUploadsIsEmpty() {
    assertThat(cli.recipes().uploads(EMPTY).videos()).isEmpty();
    assertThat(spent()).isEqualTo(1);
  }

  @Test
  void anUnknownChannelIsATypedErrorAfterOneCheck() {
    assertThatThrownBy(() -> cli.recipes().uploads("UCnosuch0channel0at0all0").items().count())
        .isInstanceOf(UnresolvedChannelException.class)
        .hasMessageContaining("UCnosuch0channel0at0all0")
        .satisfies(
            e ->
                assertThat(((UnresolvedChannelException) e).reason())
                    .isEqualTo(UnresolvedChannelException.Reason.NOT_FOUND));
    assertThat(spent()).isEqualTo(2); // the 404 of the uploads playlist, then channels.list
  }

  @Test
  void aSeededChannelWorksToo() {
    assertThat(cli.recipes().uploads(Account.ALICE.channelId()).videoIds())
        .hasSize(12) // Alice sees her own unlisted and private videos
        .startsWith("aliceVid012");
  }

  @Test
  void notAChannelIdIsRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> cli.recipes().uploads("@alice"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UC");
    assertThat(spent()).isZero();
  }
}
