package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.QuotaBucket;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.error.UnresolvedChannelException;
import io.github.jyoutube.error.UnresolvedChannelException.Reason;
import io.github.jyoutube.model.Playlist;
import io.github.jyoutube.recipes.ResolvedChannel;
import io.github.jyoutube.recipes.ResolvedChannel.Via;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A channel from whatever a user pastes, at the fewest units, against the emulator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelResolveRecipeTest {

  @RegisterExtension
  static final YouTubeEmulatorExtension EMULATOR = new YouTubeEmulatorExtension(b -> b);

  private static final String ALICE = Account.ALICE.channelId();
  private static final String QUIET = "UCquiet0channel0no0hand0";

  private YouTubeClient cli;
  private String alicePlaylist;

  @BeforeAll
  void seed() {
    EMULATOR.emulator().addChannel(QUIET, "Quietude Studio", "@qs4521");
  }

  @BeforeEach
  void client() {
    YouTubeEmulator emulator = EMULATOR.emulator();
    cli = emulator.client(Account.ALICE);
    alicePlaylist =
        cli.playlists().list().mine(true).stream()
            .filter(p -> p.snippet().title().equals("Favourites"))
            .map(Playlist::id)
            .findFirst()
            .orElseThrow();
    emulator.resetQuota();
  }

  private ResolvedChannel resolve(String input, Via via, long units) {
    ResolvedChannel found = cli.recipes().resolveChannel(input);
    assertThat(found.via()).as(input).isEqualTo(via);
    assertThat(found.totalUnits()).as(input).isEqualTo(units);
    assertThat(EMULATOR.emulator().quotaUsed(QuotaBucket.DEFAULT)).as(input).isEqualTo(units);
    EMULATOR.emulator().resetQuota();
    return found;
  }

  @Test
  void everyFormOfAliceLeadsToHerChannelAtTheFewestUnits() {
    assertThat(resolve(ALICE, Via.CHANNEL_ID, 0).channelId()).isEqualTo(ALICE);
    assertThat(resolve("https://www.youtube.com/channel/" + ALICE + "/videos", Via.CHANNEL_ID, 0))
        .extracting(ResolvedChannel::channelId)
        .isEqualTo(ALICE);
    assertThat(
            resolve(
                    "https://www.youtube.com/playlist?list=UU" + ALICE.substring(2),
                    Via.UPLOADS_PLAYLIST,
                    0)
                .channelId())
        .isEqualTo(ALICE);
    assertThat(resolve("@alice", Via.HANDLE, 1).channelId()).isEqualTo(ALICE);
    assertThat(resolve("https://youtube.com/@Alice/featured?si=x", Via.HANDLE, 1).channelId())
        .isEqualTo(ALICE);
    assertThat(resolve("https://www.youtube.com/c/alice", Via.HANDLE, 1).channelId())
        .isEqualTo(ALICE);
    assertThat(resolve("https://www.youtube.com/user/aliceexample", Via.USERNAME, 1).channelId())
        .isEqualTo(ALICE);
    assertThat(resolve("https://www.youtube.com/c/AliceExample", Via.USERNAME, 2).channelId())
        .isEqualTo(ALICE);
    assertThat(resolve("https://youtu.be/aliceVid001?si=share", Via.VIDEO, 1).channelId())
        .isEqualTo(ALICE);
    assertThat(resolve("https://www.youtube.com/shorts/aliceVid002", Via.VIDEO, 1).channelId())
        .isEqualTo(ALICE);
    assertThat(
            resolve("https://www.youtube.com/playlist?list=" + alicePlaylist, Via.PLAYLIST, 1)
                .channelId())
        .isEqualTo(ALICE);
  }

  @Test
  void whatCannotBeResolvedIsATypedErrorNamingIt() {
    assertThatThrownBy(() -> cli.recipes().resolveChannel("@nosuchhandle"))
        .isInstanceOf(UnresolvedChannelException.class)
        .hasMessageContaining("@nosuchhandle")
        .hasMessageContaining("no channel has the handle")
        .satisfies(e -> assertThat(reason(e)).isEqualTo(Reason.NOT_FOUND));
    assertThatThrownBy(() -> cli.recipes().resolveChannel("https://youtu.be/nosuchvideo"))
        .satisfies(e -> assertThat(reason(e)).isEqualTo(Reason.NOT_FOUND))
        .hasMessageContaining("no video nosuchvideo");
    assertThatThrownBy(() -> cli.recipes().resolveChannel("https://www.youtube.com/c/Quietude"))
        .satisfies(e -> assertThat(reason(e)).isEqualTo(Reason.NO_LOOKUP))
        .hasMessageContaining("searchAsLastResort");
    assertThatThrownBy(() -> cli.recipes().resolveChannel("https://example.com/@alice"))
        .satisfies(e -> assertThat(reason(e)).isEqualTo(Reason.UNRECOGNIZED));
    // 1 for the handle, 1 for the video, 2 for the custom name; none for the foreign URL.
    assertThat(EMULATOR.emulator().quotaUsed(QuotaBucket.DEFAULT)).isEqualTo(4);
    assertThat(EMULATOR.emulator().quotaUsed(QuotaBucket.SEARCH)).isZero();
  }

  @Test
  void searchIsTheLastResortAndOnlyWhenAllowed() {
    ResolvedChannel guessed =
        cli.recipes().resolveChannel("https://www.youtube.com/c/Quietude", true);

    assertThat(guessed.channelId()).isEqualTo(QUIET);
    assertThat(guessed.via()).isEqualTo(Via.SEARCH);
    assertThat(guessed.calls()).isEqualTo(3);
    assertThat(guessed.units()).isEqualTo(Map.of(QuotaBucket.DEFAULT, 2L, QuotaBucket.SEARCH, 1L));
    assertThat(EMULATOR.emulator().quotaUsed(QuotaBucket.SEARCH)).isEqualTo(1);
    // A handle never searches, even when allowed.
    assertThat(cli.recipes().resolveChannel("@qs4521", true).via()).isEqualTo(Via.HANDLE);
  }

  private static Reason reason(Throwable e) {
    return ((UnresolvedChannelException) e).reason();
  }
}
