package io.github.jyoutube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.model.Playlist;
import io.github.jyoutube.model.PlaylistListResponse;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** List calls walk nextPageToken lazily and never fetch a page more than needed. */
class PaginationTest {

  private static final String PLAYLISTS = "/youtube/v3/playlists";
  private static final int TOTAL = 10_000;

  private final FakeGoogle google = FakeGoogle.start();
  private YouTubeClient cli;

  @BeforeEach
  void serve() {
    // 10,000 playlists; the page token is the offset of the page.
    google.otherwise(
        PLAYLISTS,
        r -> {
          int offset = Integer.parseInt(r.query().getOrDefault("pageToken", "0"));
          int size = Integer.parseInt(r.query().getOrDefault("maxResults", "5"));
          int end = Math.min(TOTAL, offset + size);
          StringJoiner items = new StringJoiner(",");
          for (int i = offset; i < end; i++) {
            items.add("{\"kind\":\"youtube#playlist\",\"id\":\"PL" + i + "\"}");
          }
          String next = end < TOTAL ? ",\"nextPageToken\":\"" + end + "\"" : "";
          return Reply.json(200, "{\"items\":[" + items + "]" + next + "}");
        });
    cli = YouTubeClient.builder().accessToken("ya29.t").endpoints(google.endpoints()).build();
  }

  @AfterEach
  void stop() {
    google.close();
  }

  @Test
  void streamWalksEveryPageWithTheLargestPageSize() {
    List<String> ids = cli.playlists().list().mine(true).stream().map(Playlist::id).toList();

    assertThat(ids)
        .hasSize(TOTAL)
        .doesNotHaveDuplicates()
        .startsWith("PL0", "PL1")
        .endsWith("PL9999");
    assertThat(google.received(PLAYLISTS))
        .hasSize(TOTAL / 50)
        .allSatisfy(r -> assertThat(r.query()).containsEntry("maxResults", "50"));
  }

  @Test
  void maxItems120WithPagesOf50FetchesExactlyThreePages() {
    List<String> ids =
        cli.playlists().list().mine(true).maxResults(50).maxItems(120).stream()
            .map(Playlist::id)
            .toList();

    assertThat(ids).hasSize(120).startsWith("PL0").endsWith("PL119");
    assertThat(google.received(PLAYLISTS))
        .extracting(r -> r.query().get("pageToken") + "/" + r.query().get("maxResults"))
        .containsExactly("null/50", "50/50", "100/20");
  }

  @Test
  void maxItemsStopsWithoutFetchingAPageMore() {
    List<String> ids =
        cli.playlists().list().mine(true).maxItems(60).stream().map(Playlist::id).toList();

    assertThat(ids).hasSize(60).endsWith("PL59");
    assertThat(google.received(PLAYLISTS))
        .extracting(r -> r.query().get("maxResults"))
        .containsExactly("50", "10");
  }

  @Test
  void streamIsLazy() {
    var stream = cli.playlists().list().mine(true).stream();
    assertThat(google.received(PLAYLISTS)).isEmpty();
    assertThat(stream.limit(3).toList()).hasSize(3);
    assertThat(google.received(PLAYLISTS)).hasSize(1);
  }

  @Test
  void pagesHonourTheCallersPageSize() {
    List<Integer> sizes = new ArrayList<>();
    for (PlaylistListResponse page : cli.playlists().list().mine(true).maxResults(40).pages()) {
      sizes.add(page.items().size());
    }
    assertThat(sizes).hasSize(250).containsOnly(40);
  }

  @Test
  void aRepeatedTokenEndsTheWalk() {
    google.otherwise(
        PLAYLISTS, r -> Reply.json(200, "{\"items\":[{\"id\":\"x\"}],\"nextPageToken\":\"same\"}"));
    assertThat(cli.playlists().list().mine(true).stream().count()).isEqualTo(2);
    assertThat(google.received(PLAYLISTS)).hasSize(2);
  }

  @Test
  void parameterBoundsAreCheckedBeforeAnyRequest() {
    assertThatThrownBy(() -> cli.playlists().list().maxResults(51))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxResults must be between 0 and 50");
    assertThatThrownBy(() -> cli.playlists().list().id("a", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id[1] is null");
    assertThatThrownBy(() -> cli.playlists().delete(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'id'");
    assertThat(google.received()).isEmpty();
  }
}
