package io.github.jyoutube.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How the caller sees stored resources: counts computed from the dataset, owner-only parts removed,
 * private resources hidden, comment threads assembled from their comments.
 */
final class Views {

  private final Store store;
  private final String caller;
  private final boolean plainText;
  private final java.time.Instant now;
  private final java.time.Duration processing;

  /**
   * @param store the dataset
   * @param caller the caller's channel, or {@code null}
   * @param plainText whether comments show their original text rather than HTML
   */
  Views(Store store, String caller, boolean plainText) {
    this(store, caller, plainText, null, java.time.Duration.ZERO);
  }

  /**
   * @param now the time of the request, for uploads still being processed
   * @param processing how long an upload takes to process
   */
  Views(
      Store store,
      String caller,
      boolean plainText,
      java.time.Instant now,
      java.time.Duration processing) {
    this.store = store;
    this.caller = caller;
    this.plainText = plainText;
    this.now = now;
    this.processing = processing;
  }

  static Views of(Call call) {
    return new Views(
        call.store,
        call.channel(),
        "plainText".equals(call.param("textFormat")),
        call.backend.clock.instant(),
        call.backend.processingTime);
  }

  boolean mine(String channelId) {
    return caller != null && caller.equals(channelId);
  }

  static String privacy(ObjectNode node) {
    String privacy = Jsons.str(node, "status.privacyStatus");
    return privacy == null ? "public" : privacy;
  }

  /** Whether the caller may see a video, playlist or playlist item at all. */
  boolean visible(ObjectNode node) {
    return !privacy(node).equals("private") || mine(owner(node));
  }

  /** Whether the caller may find it in listings and search (not unlisted, unless own). */
  boolean listed(ObjectNode node) {
    return privacy(node).equals("public") || mine(owner(node));
  }

  /** The channel that owns a resource. */
  String owner(ObjectNode node) {
    String kind = node.path("kind").asText();
    return switch (kind) {
      case Kinds.CHANNEL -> node.path("id").asText();
      case Kinds.CAPTION -> {
        ObjectNode video = store.get(Kinds.VIDEO, Jsons.str(node, "snippet.videoId"));
        yield video == null ? null : Jsons.str(video, "snippet.channelId");
      }
      case Kinds.COMMENT -> Jsons.str(node, "snippet.authorChannelId.value");
      default -> Jsons.str(node, "snippet.channelId");
    };
  }

  ObjectNode video(ObjectNode stored) {
    ObjectNode video = stored.deepCopy();
    String id = video.path("id").asText();
    processing(video);
    if (!mine(Jsons.str(video, "snippet.channelId"))) {
      video.remove("fileDetails");
      video.remove("processingDetails");
      video.remove("suggestions");
    }
    ObjectNode statistics = Jsons.obj(video, "statistics");
    long comments =
        store.find(Kinds.COMMENT, c -> id.equals(Jsons.str(c, "snippet.videoId"))).size();
    statistics.put("commentCount", String.valueOf(comments));
    return video;
  }

  /**
   * An upload still within its processing time, as YouTube shows one: {@code uploaded}, {@code
   * processing}, its progress in parts and the time left. A failed or rejected upload is shown as
   * stored.
   */
  private void processing(ObjectNode video) {
    if (now == null
        || processing.isZero()
        || !video.has("fileDetails")
        || !"processed".equals(Jsons.str(video, "status.uploadStatus"))) {
      return;
    }
    java.time.Instant uploaded;
    try {
      uploaded =
          java.time.OffsetDateTime.parse(Jsons.str(video, "snippet.publishedAt")).toInstant();
    } catch (RuntimeException e) {
      return;
    }
    java.time.Duration elapsed = java.time.Duration.between(uploaded, now);
    if (elapsed.isNegative() || elapsed.compareTo(processing) >= 0) {
      return;
    }
    long total = 1000;
    long done = total * elapsed.toMillis() / Math.max(1, processing.toMillis());
    Jsons.obj(video, "status").put("uploadStatus", "uploaded");
    ObjectNode details = Jsons.obj(video, "processingDetails");
    details.put("processingStatus", "processing");
    details.set(
        "processingProgress",
        Jsons.of(
            "partsTotal",
            String.valueOf(total),
            "partsProcessed",
            String.valueOf(done),
            "timeLeftMs",
            String.valueOf(processing.minus(elapsed).toMillis())));
    details.put("thumbnailsAvailability", "inProgress");
  }

  ObjectNode channel(ObjectNode stored) {
    ObjectNode channel = stored.deepCopy();
    String id = channel.path("id").asText();
    long videos =
        store
            .find(
                Kinds.VIDEO,
                v -> id.equals(Jsons.str(v, "snippet.channelId")) && privacy(v).equals("public"))
            .size();
    Jsons.obj(channel, "statistics").put("videoCount", String.valueOf(videos));
    if (!mine(id)) {
      channel.remove("auditDetails");
      channel.remove("contentOwnerDetails");
    }
    return channel;
  }

  ObjectNode playlist(ObjectNode stored) {
    ObjectNode playlist = stored.deepCopy();
    Jsons.obj(playlist, "contentDetails")
        .put("itemCount", itemsOf(playlist.path("id").asText()).size());
    return playlist;
  }

  /** The items of a playlist, in order. */
  List<ObjectNode> itemsOf(String playlistId) {
    List<ObjectNode> items =
        store.find(Kinds.PLAYLIST_ITEM, i -> playlistId.equals(Jsons.str(i, "snippet.playlistId")));
    items.sort(Comparator.comparingLong(i -> i.path("snippet").path("position").asLong()));
    return items;
  }

  ObjectNode comment(ObjectNode stored) {
    ObjectNode comment = stored.deepCopy();
    ObjectNode snippet = Jsons.obj(comment, "snippet");
    if (plainText) {
      snippet.put("textDisplay", snippet.path("textOriginal").asText());
    }
    if (!mine(snippet.path("channelId").asText())) {
      snippet.remove("moderationStatus");
    }
    return comment;
  }

  List<ObjectNode> repliesOf(String threadId) {
    List<ObjectNode> replies =
        store.find(Kinds.COMMENT, c -> threadId.equals(Jsons.str(c, "snippet.parentId")));
    replies.sort(Comparator.comparing(c -> c.path("snippet").path("publishedAt").asText()));
    return replies;
  }

  ObjectNode thread(ObjectNode stored) {
    ObjectNode thread = stored.deepCopy();
    String id = thread.path("id").asText();
    ObjectNode snippet = Jsons.obj(thread, "snippet");
    ObjectNode top = store.get(Kinds.COMMENT, id);
    ObjectNode fresh = Jsons.object();
    snippet.properties().forEach(e -> fresh.set(e.getKey(), e.getValue()));
    if (top != null) {
      ObjectNode shown = comment(top);
      fresh.set("topLevelComment", Api.withEtag(shown));
    }
    List<ObjectNode> replies = repliesOf(id);
    fresh.put("totalReplyCount", replies.size());
    ObjectNode rebuilt = Jsons.object();
    rebuilt.set("kind", thread.get("kind"));
    rebuilt.set("id", thread.get("id"));
    ObjectNode ordered = Jsons.object();
    for (String name :
        List.of(
            "channelId", "videoId", "topLevelComment", "canReply", "totalReplyCount", "isPublic")) {
      if (fresh.has(name)) {
        ordered.set(name, fresh.get(name));
      }
    }
    rebuilt.set("snippet", ordered);
    if (!replies.isEmpty()) {
      ArrayNode array = Jsons.array();
      List<ObjectNode> shown = new ArrayList<>(replies);
      for (ObjectNode reply : shown.subList(0, Math.min(5, shown.size()))) {
        array.add(Api.withEtag(comment(reply)));
      }
      rebuilt.set("replies", Jsons.of("comments", array));
    }
    return rebuilt;
  }
}
