package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.QuotaBucket;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.Scopes;
import io.github.jyoutube.model.Channel;
import io.github.jyoutube.model.Comment;
import io.github.jyoutube.model.CommentSnippet;
import io.github.jyoutube.model.CommentThread;
import io.github.jyoutube.model.CommentThreadSnippet;
import io.github.jyoutube.model.Playlist;
import io.github.jyoutube.model.PlaylistItem;
import io.github.jyoutube.model.PlaylistItemSnippet;
import io.github.jyoutube.model.PlaylistSnippet;
import io.github.jyoutube.model.ResourceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lookups of more than 50 ids on every resource listed by id besides videos: channels, playlists,
 * playlist items, comments and comment threads, each seeded with 120 and asked for them shuffled,
 * with repeats and unknown ids. The emulator refuses a request of more than 50 ids and counts the
 * units, as YouTube does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdLookupEveryResourceTest {

  @RegisterExtension
  static final YouTubeEmulatorExtension EMULATOR =
      new YouTubeEmulatorExtension(b -> b.dailyQuota(1_000_000));

  private static final int SEEDED = 120;

  /** One resource's lookup by id: everything found, and a stream of at most some items. */
  record Lookup(
      String resource,
      List<String> seeded,
      Function<List<String>, List<String>> execute,
      BiFunction<List<String>, Long, List<String>> stream) {
    @Override
    public String toString() {
      return resource;
    }
  }

  private YouTubeClient cli;
  private List<Lookup> lookups;

  @BeforeAll
  void seed() {
    YouTubeEmulator emulator = EMULATOR.emulator();
    YouTubeClient seeder =
        YouTubeClient.builder()
            .accessToken(emulator.accessToken(Account.ALICE, Scopes.YOUTUBE_FORCE_SSL))
            .endpoints(emulator.endpoints())
            .build();
    List<String> channels = new ArrayList<>();
    for (int i = 0; i < SEEDED; i++) {
      String id = String.format("UCidLookupChannel%07d", i);
      emulator.addChannel(id, "Lookup channel " + i, String.format("@lookup%03d", i));
      channels.add(id);
    }
    List<String> videos =
        emulator.addVideos(
            Account.ALICE.channelId(),
            "Lookup target",
            SEEDED,
            Instant.parse("2025-06-01T00:00:00Z"),
            Duration.ofMinutes(10));
    List<String> playlists = new ArrayList<>();
    for (int i = 0; i < SEEDED; i++) {
      playlists.add(
          seeder
              .playlists()
              .insert(
                  Playlist.builder()
                      .snippet(PlaylistSnippet.builder().title("Lookup list " + i).build())
                      .build())
              .execute()
              .id());
    }
    List<String> items = new ArrayList<>();
    for (String video : videos) {
      items.add(
          seeder
              .playlistItems()
              .insert(
                  PlaylistItem.builder()
                      .snippet(
                          PlaylistItemSnippet.builder()
                              .playlistId(playlists.get(0))
                              .resourceId(
                                  ResourceId.builder().kind("youtube#video").videoId(video).build())
                              .build())
                      .build())
              .execute()
              .id());
    }
    List<String> threads = new ArrayList<>();
    for (int i = 0; i < SEEDED; i++) {
      threads.add(
          seeder
              .commentThreads()
              .insert(
                  CommentThread.builder()
                      .snippet(
                          CommentThreadSnippet.builder()
                              .videoId(videos.get(i))
                              .topLevelComment(
                                  Comment.builder()
                                      .snippet(
                                          CommentSnippet.builder()
                                              .textOriginal("Lookup comment " + i)
                                              .build())
                                      .build())
                              .build())
                      .build())
              .execute()
              .id());
    }
    lookups =
        List.of(
            new Lookup(
                "channels",
                channels,
                ids -> ids(cli.channels().list().id(ids).part("id").execute().items(), Channel::id),
                (ids, max) ->
                    cli.channels().list().id(ids).part("id").maxItems(max).stream()
                        .map(Channel::id)
                        .toList()),
            new Lookup(
                "playlists",
                playlists,
                ids ->
                    ids(cli.playlists().list().id(ids).part("id").execute().items(), Playlist::id),
                (ids, max) ->
                    cli.playlists().list().id(ids).part("id").maxItems(max).stream()
                        .map(Playlist::id)
                        .toList()),
            new Lookup(
                "playlistItems",
                items,
                ids ->
                    ids(
                        cli.playlistItems().list().id(ids).part("id").execute().items(),
                        PlaylistItem::id),
                (ids, max) ->
                    cli.playlistItems().list().id(ids).part("id").maxItems(max).stream()
                        .map(PlaylistItem::id)
                        .toList()),
            new Lookup(
                "comments",
                threads,
                ids -> ids(cli.comments().list().id(ids).part("id").execute().items(), Comment::id),
                (ids, max) ->
                    cli.comments().list().id(ids).part("id").maxItems(max).stream()
                        .map(Comment::id)
                        .toList()),
            new Lookup(
                "commentThreads",
                threads,
                ids ->
                    ids(
                        cli.commentThreads().list().id(ids).part("id").execute().items(),
                        CommentThread::id),
                (ids, max) ->
                    cli.commentThreads().list().id(ids).part("id").maxItems(max).stream()
                        .map(CommentThread::id)
                        .toList()));
  }

  private static <T> List<String> ids(List<T> items, Function<T, String> id) {
    return items.stream().map(id).toList();
  }

  @BeforeEach
  void client() {
    YouTubeEmulator emulator = EMULATOR.emulator();
    emulator.resetQuota();
    cli = emulator.client(Account.ALICE);
  }

  Stream<Lookup> lookups() {
    return lookups.stream();
  }

  /**
   * The 120 seeded ids shuffled, two of them asked again further on, and two unknown ids among
   * them: 124 ids, 122 distinct, so 3 requests.
   */
  private static List<String> asked(List<String> seeded) {
    List<String> asked = new ArrayList<>(seeded);
    Collections.shuffle(asked, new Random(17));
    asked.add(80, asked.get(3));
    asked.add(110, asked.get(60));
    asked.add(10, "nosuchid0000000000000001");
    asked.add(75, "nosuchid0000000000000002");
    return asked;
  }

  /** What the API gives back for {@code asked}: each known id once, where first asked. */
  private static List<String> expected(List<String> asked, List<String> seeded) {
    List<String> found = new ArrayList<>(new LinkedHashSet<>(asked));
    found.retainAll(seeded);
    return found;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lookups")
  void moreThanFiftyIdsComeBackInTheOrderAskedAtOneUnitPerFifty(Lookup lookup) {
    List<String> asked = asked(lookup.seeded());
    assertThat(asked).hasSize(124);
    assertThat(new LinkedHashSet<>(asked)).hasSize(122);

    List<String> found = lookup.execute().apply(asked);

    assertThat(found).hasSize(SEEDED).containsExactlyElementsOf(expected(asked, lookup.seeded()));
    // 122 distinct ids: requests of 50, 50 and 22.
    assertThat(EMULATOR.emulator().quotaUsed(QuotaBucket.DEFAULT)).isEqualTo(3);
    assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT)).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lookups")
  void streamStopsAtMaxItemsWithoutAskingForTheLastBatch(Lookup lookup) {
    List<String> asked = asked(lookup.seeded());

    List<String> first = lookup.stream().apply(asked, 60L);

    assertThat(first).containsExactlyElementsOf(expected(asked, lookup.seeded()).subList(0, 60));
    // 60 items are in the first two batches of 50: the third is never sent.
    assertThat(EMULATOR.emulator().quotaUsed(QuotaBucket.DEFAULT)).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lookups")
  void aStreamOfEveryIdWalksEveryBatch(Lookup lookup) {
    List<String> asked = asked(lookup.seeded());

    List<String> all = lookup.stream().apply(asked, Long.MAX_VALUE);

    assertThat(all).containsExactlyElementsOf(expected(asked, lookup.seeded()));
    assertThat(EMULATOR.emulator().quotaUsed(QuotaBucket.DEFAULT)).isEqualTo(3);
  }
}
