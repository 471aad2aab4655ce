package io.github.jyoutube.recipes;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.error.NotFoundException;
import io.github.jyoutube.error.UnresolvedChannelException;
import io.github.jyoutube.model.Channel;
import io.github.jyoutube.model.ChannelListResponse;
import io.github.jyoutube.model.PlaylistItem;
import io.github.jyoutube.model.PlaylistItemListResponse;
import io.github.jyoutube.model.Video;
import io.github.jyoutube.model.VideoListResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every upload of a channel, through its uploads playlist: one quota unit per 50 videos, where
 * {@code search.list} pays a call of its 100-a-day bucket per 50 and stops near 500 results.
 *
 * <pre>{@code
 * cli.recipes().uploads("UC_x5XG1OV2P6uZZ5FSM9Ttw").videoIds().forEach(System.out::println);
 * cli.recipes().uploads("UC…").videos().mapToLong(v -> v.statistics().viewCount()).sum();
 * }</pre>
 *
 * <p>The uploads playlist's id is the channel's with {@code UU} for {@code UC}, which costs nothing
 * to know; only when the API does not know that playlist does the walk ask {@code channels.list}
 * for {@code contentDetails.relatedPlaylists.uploads} (one unit), and fails with {@link
 * UnresolvedChannelException} if there is no such channel. Items come newest first, as YouTube
 * lists uploads; YouTube lists at most the 20,000 newest. Each stream walks the pages afresh.
 */
public final class ChannelUploads {

  /** The parts of the playlist items asked for. */
  static final String[] ITEM_PARTS = {"snippet", "contentDetails"};

  /** The parts of the videos asked for by {@link #videos()} unless {@link #videoParts} says. */
  static final String[] VIDEO_PARTS = {"snippet", "contentDetails", "statistics", "status"};

  private final YouTubeClient client;
  private final String channelId;
  private long maxItems = Long.MAX_VALUE;
  private String[] videoParts = VIDEO_PARTS;

  ChannelUploads(YouTubeClient client, String channelId) {
    this.client = Objects.requireNonNull(client, "client == null");
    this.channelId = Objects.requireNonNull(channelId, "channelId == null");
    if (!channelId.startsWith("UC") || channelId.length() < 3) {
      throw new IllegalArgumentException(
          "a channel id starts with UC, such as UC_x5XG1OV2P6uZZ5FSM9Ttw: " + channelId);
    }
  }

  /** {@return the channel} */
  public String channelId() {
    return channelId;
  }

  /**
   * The uploads playlist's id by YouTube's convention: {@code UU} and the rest of the channel's.
   *
   * @return the uploads playlist's id by YouTube's convention: {@code UU} and the rest of the
   *     channel's
   */
  public String playlistId() {
    return "UU" + channelId.substring(2);
  }

  /**
   * The most uploads to yield (all by default); no page is fetched beyond them.
   *
   * @param maxItems the most videos to return
   * @return the most uploads to yield (all by default); no page is fetched beyond them
   */
  public ChannelUploads maxItems(long maxItems) {
    if (maxItems < 0) {
      throw new IllegalArgumentException("maxItems must be >= 0: " + maxItems);
    }
    this.maxItems = maxItems;
    return this;
  }

  /**
   * The parts {@link #videos()} asks {@code videos.list} for ({@code
   * snippet,contentDetails,statistics,status} by default); any number of parts costs the same.
   *
   * @param parts the parts of each video to read
   * @return the parts {@link #videos()} asks {@code videos.list} for ({@code
   *     snippet,contentDetails,statistics,status} by default); any number of parts costs the same
   */
  public ChannelUploads videoParts(String... parts) {
    if (parts.length == 0) {
      throw new IllegalArgumentException("videoParts needs at least one part");
    }
    this.videoParts = parts.clone();
    return this;
  }

  /** {@return the uploads playlist's pages, newest first: one quota unit each} */
  public Iterable<PlaylistItemListResponse> pages() {
    return () -> new UploadPages(maxItems);
  }

  /**
   * {@return the uploads playlist's items (snippet and contentDetails), newest first: 1 unit per
   * 50}
   */
  public Stream<PlaylistItem> items() {
    return stream(new UploadPages(maxItems))
        .flatMap(page -> page.items() == null ? Stream.empty() : page.items().stream())
        .limit(maxItems);
  }

  /** {@return the ids of the uploads, newest first: 1 unit per 50} */
  public Stream<String> videoIds() {
    return items().map(ChannelUploads::videoId).filter(Objects::nonNull);
  }

  /**
   * The uploads with their details from {@code videos.list} in batches of 50, newest first: 2 units
   * per 50 (one for the playlist page, one for its videos). The next playlist page is fetched while
   * the videos of the last one are on their way. Videos the caller may not see (private, deleted)
   * are left out, as {@code videos.list} leaves them out.
   *
   * @return the uploads with their details from {@code videos.list} in batches of 50, newest first:
   *     2 units per 50 (one for the playlist page, one for its videos)
   */
  public Stream<Video> videos() {
    return stream(new Details(new UploadPages(maxItems))).flatMap(List::stream).limit(maxItems);
  }

  private static String videoId(PlaylistItem item) {
    if (item.contentDetails() != null && item.contentDetails().videoId() != null) {
      return item.contentDetails().videoId();
    }
    if (item.snippet() != null && item.snippet().resourceId() != null) {
      return item.snippet().resourceId().videoId();
    }
    return null;
  }

  private static <T> Stream<T> stream(Iterator<T> iterator) {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /** The playlist's pages; on a 404 for the conventional id, the channel's own answer. */
  private final class UploadPages implements Iterator<PlaylistItemListResponse> {
    private final long wanted;
    private Iterator<PlaylistItemListResponse> pages;
    private boolean checked;

    UploadPages(long wanted) {
      this.wanted = wanted;
      this.pages = walk(playlistId());
    }

    private Iterator<PlaylistItemListResponse> walk(String playlistId) {
      return client
          .playlistItems()
          .list()
          .playlistId(playlistId)
          .part(ITEM_PARTS)
          .maxItems(wanted)
          .pages()
          .iterator();
    }

    @Override
    public boolean hasNext() {
      return pages.hasNext();
    }

    @Override
    public PlaylistItemListResponse next() {
      if (checked) {
        return pages.next();
      }
      checked = true;
      try {
        return pages.next();
      } catch (NotFoundException conventionalIdUnknown) {
        String uploads = uploadsPlaylist(conventionalIdUnknown);
        if (uploads == null || uploads.equals(playlistId())) {
          pages = java.util.Collections.emptyIterator();
          return emptyPage();
        }
        pages = walk(uploads);
        return pages.next();
      }
    }

    /** The channel's uploads playlist as {@code channels.list} tells it; null if it has none. */
    private String uploadsPlaylist(NotFoundException playlistUnknown) {
      ChannelListResponse answer =
          client.channels().list().id(channelId).part("contentDetails").execute();
      List<Channel> channels = answer.items() == null ? List.of() : answer.items();
      if (channels.isEmpty()) {
        UnresolvedChannelException missing =
            new UnresolvedChannelException(
                channelId,
                UnresolvedChannelException.Reason.NOT_FOUND,
                "the API knows no channel " + channelId);
        missing.addSuppressed(playlistUnknown);
        throw missing;
      }
      Channel channel = channels.get(0);
      if (channel.contentDetails() == null || channel.contentDetails().relatedPlaylists() == null) {
        return null;
      }
      return channel.contentDetails().relatedPlaylists().uploads();
    }

    private PlaylistItemListResponse emptyPage() {
      return new PlaylistItemListResponse(
          null,
          null,
          List.of(),
          "youtube#playlistItemListResponse",
          null,
          null,
          null,
          null,
          null,
          null);
    }
  }

  /** Each playlist page's videos, asked while the next page is fetched. */
  private final class Details implements Iterator<List<Video>> {
    private final Iterator<PlaylistItemListResponse> pages;
    private CompletableFuture<List<Video>> pending;

    Details(Iterator<PlaylistItemListResponse> pages) {
      this.pages = pages;
    }

    @Override
    public boolean hasNext() {
      return pending != null || pages.hasNext();
    }

    @Override
    public List<Video> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      if (pending == null) {
        pending = ask(pages.next());
      }
      CompletableFuture<List<Video>> current = pending;
      pending = null;
      try {
        if (pages.hasNext()) {
          // The next page is read while this one's videos are on their way.
          pending = ask(pages.next());
        }
      } catch (RuntimeException e) {
        current.cancel(false);
        throw e;
      }
      try {
        return current.join();
      } catch (CompletionException | CancellationException e) {
        if (pending != null) {
          pending.cancel(false);
          pending = null;
        }
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }

    private CompletableFuture<List<Video>> ask(PlaylistItemListResponse page) {
      List<String> ids = new ArrayList<>();
      if (page.items() != null) {
        for (PlaylistItem item : page.items()) {
          String id = videoId(item);
          if (id != null && !ids.contains(id)) {
            ids.add(id);
          }
        }
      }
      if (ids.isEmpty()) {
        return CompletableFuture.completedFuture(List.of());
      }
      Map<String, Integer> order = new HashMap<>();
      for (int i = 0; i < ids.size(); i++) {
        order.put(ids.get(i), i);
      }
      return client
          .videos()
          .list()
          .id(ids)
          .part(videoParts)
          .executeAsync()
          .thenApply(
              (VideoListResponse answer) -> {
                List<Video> videos =
                    new ArrayList<>(answer.items() == null ? List.of() : answer.items());
                videos.sort(Comparator.comparingInt(v -> order.getOrDefault(v.id(), ids.size())));
                return videos;
              });
    }
  }
}
