package io.github.jyoutube.push;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * What one entry of a push notification says happened to a channel's video: {@link VideoPublished},
 * {@link VideoUpdated} or {@link VideoDeleted}.
 *
 * <p>YouTube sends the same Atom entry when a video is published and when its title or description
 * changes; the parser tells the two apart by the entry's dates: {@code updated} within the {@link
 * PushFeed#DEFAULT_NEW_VIDEO_WINDOW window} after {@code published} is a publication, later is an
 * update. Both carry the same fields. Fields the feed left out are {@code null}.
 */
public sealed interface PushEvent
    permits PushEvent.VideoPublished, PushEvent.VideoUpdated, PushEvent.VideoDeleted {

  /** {@return the video's ID} */
  String videoId();

  /** {@return the channel's ID, or {@code null} when the feed did not say} */
  String channelId();

  /**
   * A video was published: its entry's {@code updated} is close to its {@code published}.
   *
   * @param videoId the video ID ({@code yt:videoId})
   * @param channelId the channel ID ({@code yt:channelId})
   * @param title the video's title
   * @param link the watch page ({@code link rel="alternate"})
   * @param channelTitle the channel's title ({@code author/name})
   * @param published when the video was published
   * @param updated when the entry last changed
   */
  record VideoPublished(
      String videoId,
      String channelId,
      String title,
      URI link,
      String channelTitle,
      OffsetDateTime published,
      OffsetDateTime updated)
      implements PushEvent {}

  /**
   * A published video changed (title, description): its entry's {@code updated} is well after its
   * {@code published}.
   *
   * @param videoId the video ID ({@code yt:videoId})
   * @param channelId the channel ID ({@code yt:channelId})
   * @param title the video's title, perhaps new
   * @param link the watch page ({@code link rel="alternate"})
   * @param channelTitle the channel's title ({@code author/name})
   * @param published when the video was published
   * @param updated when the entry changed
   */
  record VideoUpdated(
      String videoId,
      String channelId,
      String title,
      URI link,
      String channelTitle,
      OffsetDateTime published,
      OffsetDateTime updated)
      implements PushEvent {

    /**
     * How long after its publication the video changed, or {@code null} if a date is missing.
     *
     * @return how long after its publication the video changed, or {@code null}
     */
    public Duration sincePublished() {
      return published == null || updated == null ? null : Duration.between(published, updated);
    }
  }

  /**
   * A video was deleted, or made unavailable: an {@code at:deleted-entry}.
   *
   * @param videoId the video ID, from {@code ref}
   * @param channelId the channel ID, from {@code at:by/uri}, or {@code null}
   * @param ref the entry's {@code ref}, such as {@code yt:video:VIDEO_ID}
   * @param link the watch page it had, or {@code null}
   * @param deletedAt when it was deleted ({@code when}), or {@code null}
   */
  record VideoDeleted(
      String videoId, String channelId, String ref, URI link, OffsetDateTime deletedAt)
      implements PushEvent {}
}
