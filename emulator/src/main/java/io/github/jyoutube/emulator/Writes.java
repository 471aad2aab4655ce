package io.github.jyoutube.emulator;

import static io.github.jyoutube.emulator.Jsons.of;
import static io.github.jyoutube.emulator.Jsons.str;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jyoutube.emulator.Exchange.Reply;
import io.github.jyoutube.model.Channel;
import io.github.jyoutube.model.ChannelSection;
import io.github.jyoutube.model.Comment;
import io.github.jyoutube.model.CommentThread;
import io.github.jyoutube.model.Playlist;
import io.github.jyoutube.model.PlaylistItem;
import io.github.jyoutube.model.Subscription;
import io.github.jyoutube.model.Video;
import io.github.jyoutube.model.VideoAbuseReport;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** The methods that change the dataset. */
final class Writes {

  private static final Set<String> PRIVACY = Set.of("public", "private", "unlisted");

  private final Api api;

  Writes(Api api) {
    this.api = api;
  }

  void register() {
    api.on("youtube.playlists.insert", this::insertPlaylist);
    api.on("youtube.playlists.update", this::updatePlaylist);
    api.on("youtube.playlists.delete", this::deletePlaylist);
    api.on("youtube.playlistItems.insert", this::insertPlaylistItem);
    api.on("youtube.playlistItems.update", this::updatePlaylistItem);
    api.on("youtube.playlistItems.delete", this::deletePlaylistItem);
    api.on("youtube.videos.insert", c -> api.uploads.insertVideo(c));
    api.on("youtube.videos.update", this::updateVideo);
    api.on("youtube.videos.delete", this::deleteVideo);
    api.on("youtube.videos.rate", this::rate);
    api.on("youtube.videos.reportAbuse", this::reportAbuse);
    api.on("youtube.thumbnails.set", c -> api.uploads.setThumbnail(c));
    api.on("youtube.captions.insert", c -> api.uploads.insertCaption(c));
    api.on("youtube.captions.update", c -> api.uploads.updateCaption(c));
    api.on("youtube.captions.delete", this::deleteCaption);
    api.on("youtube.comments.insert", this::insertComment);
    api.on("youtube.comments.update", this::updateComment);
    api.on("youtube.comments.delete", this::deleteComment);
    api.on("youtube.comments.markAsSpam", this::markAsSpam);
    api.on("youtube.comments.setModerationStatus", this::setModerationStatus);
    api.on("youtube.commentThreads.insert", this::insertThread);
    api.on("youtube.subscriptions.insert", this::subscribe);
    api.on("youtube.subscriptions.delete", this::unsubscribe);
    api.on("youtube.channelSections.insert", this::insertSection);
    api.on("youtube.channelSections.update", this::updateSection);
    api.on("youtube.channelSections.delete", this::deleteSection);
    api.on("youtube.channels.update", this::updateChannel);
  }

  // ---- Errors -------------------------------------------------------------------------------

  static ApiError videoNotFound(String location) {
    return ApiError.notFound(
        "videoNotFound",
        "youtube.video",
        "The video identified by the <code>" + location + "</code> parameter could not be found.",
        location);
  }

  static ApiError playlistNotFound(String location) {
    return ApiError.notFound(
        "playlistNotFound",
        "youtube.playlist",
        "The playlist identified with the request's <code>"
            + location
            + "</code> parameter cannot be found.",
        location);
  }

  private static ApiError notFound(String reason, String domain, String message) {
    return ApiError.notFound(reason, domain, message, null);
  }

  private static ApiError bad(String reason, String domain, String message) {
    return ApiError.badRequest(reason, domain, message);
  }

  private static ApiError requiredProperty(String property) {
    return new ApiError(
        400, "required", "global", "Required parameter: " + property, property, "other");
  }

  // ---- Helpers ------------------------------------------------------------------------------

  private static String now(Call c) {
    return Jsons.time(c.backend.clock.instant());
  }

  /** The requested parts that a caller may write, among {@code writable}. */
  private static Set<String> writing(Call c, Set<String> writable) {
    Set<String> parts = c.parts();
    parts.retainAll(writable);
    return parts;
  }

  /** Replaces each part of {@code target} named in {@code parts} with the body's (or removes). */
  private static void replaceParts(ObjectNode target, ObjectNode body, Set<String> parts) {
    for (String part : parts) {
      JsonNode value = body.get(part);
      if (value == null || value.isNull()) {
        target.remove(part);
      } else {
        target.set(part, value.deepCopy());
      }
    }
  }

  /** A new snippet: the writable properties from the body, the rest kept from {@code old}. */
  private static ObjectNode mergeSnippet(ObjectNode old, JsonNode body, List<String> writable) {
    ObjectNode snippet = old == null ? Jsons.object() : old.deepCopy();
    for (String name : writable) {
      JsonNode value = body == null ? null : body.get(name);
      if (value == null || value.isNull()) {
        snippet.remove(name);
      } else {
        snippet.set(name, value.deepCopy());
      }
    }
    return snippet;
  }

  private static String bodyId(ObjectNode body) throws ApiError {
    String id = str(body, "id");
    if (id == null || id.isEmpty()) {
      throw requiredProperty("id");
    }
    return id;
  }

  // ---- Playlists ----------------------------------------------------------------------------

  private Reply insertPlaylist(Call c) throws ApiError {
    Account me = c.requireUser(null);
    ObjectNode body = c.body(Playlist.class);
    Set<String> parts = writing(c, Set.of("snippet", "status", "localizations"));
    String title = str(body, "snippet.title");
    if (title == null || title.isBlank()) {
      throw bad("playlistTitleRequired", "youtube.playlist", "The playlist title is required.");
    }
    String privacy = str(body, "status.privacyStatus");
    if (privacy != null && !PRIVACY.contains(privacy)) {
      throw bad("invalidPlaylistSnippet", "youtube.playlist", "Invalid privacy status: " + privacy);
    }
    String id = Ids.playlist();
    ObjectNode channel = c.store.get(Kinds.CHANNEL, me.channelId());
    String description =
        String.valueOf(
            str(body, "snippet.description") == null ? "" : str(body, "snippet.description"));
    ObjectNode snippet =
        of(
            "publishedAt", now(c),
            "channelId", me.channelId(),
            "title", title,
            "description", description,
            "thumbnails", Seed.videoThumbnails("emulator-playlist-" + id),
            "channelTitle", str(channel, "snippet.title"),
            "tags", Jsons.at(body, "snippet.tags"),
            "defaultLanguage", str(body, "snippet.defaultLanguage"),
            "localized", of("title", title, "description", description));
    ObjectNode playlist =
        of(
            "kind",
            Kinds.PLAYLIST,
            "id",
            id,
            "snippet",
            snippet,
            "status",
            of("privacyStatus", privacy == null ? "public" : privacy),
            "contentDetails",
            of("itemCount", 0),
            "player",
            of("embedHtml", Seed.embed("videoseries?list=" + id)));
    if (parts.contains("localizations") && body.has("localizations")) {
      playlist.set("localizations", body.get("localizations").deepCopy());
    }
    c.store.put(Kinds.PLAYLIST, playlist);
    return Api.one(c, Views.of(c).playlist(playlist));
  }

  private ObjectNode ownedPlaylist(Call c, String id) throws ApiError {
    return owned(
        c,
        Kinds.PLAYLIST,
        id,
        true,
        "snippet.channelId",
        () ->
            notFound(
                "playlistNotFound",
                "youtube.playlist",
                "The playlist identified with the request's <code>id</code> parameter cannot be"
                    + " found."),
        () ->
            ApiError.forbidden(
                "playlistForbidden",
                "youtube.playlist",
                "This operation is forbidden or the request is not properly authorized."));
  }

  /**
   * The stored {@code kind} resource {@code id} if the caller may change it: its {@code ownerPath}
   * names one of the caller's channels. Else {@code missing} is thrown when there is none (or, with
   * {@code hiddenIsMissing}, when the caller cannot see it), and {@code denied} when another
   * channel owns it.
   */
  static ObjectNode owned(
      Call c,
      String kind,
      String id,
      boolean hiddenIsMissing,
      String ownerPath,
      Supplier<ApiError> missing,
      Supplier<ApiError> denied)
      throws ApiError {
    ObjectNode resource = c.store.get(kind, id);
    Views views = Views.of(c);
    if (resource == null || (hiddenIsMissing && !views.visible(resource))) {
      throw missing.get();
    }
    if (!views.mine(str(resource, ownerPath))) {
      throw denied.get();
    }
    return resource;
  }

  private Reply updatePlaylist(Call c) throws ApiError {
    c.requireUser(null);
    ObjectNode body = c.body(Playlist.class);
    ObjectNode playlist = ownedPlaylist(c, bodyId(body)).deepCopy();
    Set<String> parts = writing(c, Set.of("snippet", "status", "localizations"));
    if (parts.contains("snippet")) {
      String title = str(body, "snippet.title");
      if (title == null || title.isBlank()) {
        throw bad("playlistTitleRequired", "youtube.playlist", "The playlist title is required.");
      }
      ObjectNode snippet =
          mergeSnippet(
              (ObjectNode) playlist.get("snippet"),
              body.get("snippet"),
              List.of("title", "description", "tags", "defaultLanguage"));
      if (!snippet.has("description")) {
        snippet.put("description", "");
      }
      snippet.set("localized", of("title", title, "description", snippet.get("description")));
      playlist.set("snippet", snippet);
    }
    if (parts.contains("status")) {
      String privacy = str(body, "status.privacyStatus");
      if (privacy != null && !PRIVACY.contains(privacy)) {
        throw bad(
            "invalidPlaylistSnippet", "youtube.playlist", "Invalid privacy status: " + privacy);
      }
      playlist.set("status", of("privacyStatus", privacy == null ? "public" : privacy));
    }
    if (parts.contains("localizations")) {
      replaceParts(playlist, body, Set.of("localizations"));
    }
    c.store.put(Kinds.PLAYLIST, playlist);
    return Api.one(c, Views.of(c).playlist(playlist));
  }

  private Reply deletePlaylist(Call c) throws ApiError {
    c.requireUser(null);
    String id = c.param("id");
    ownedPlaylist(c, id);
    c.store.batch(
        () -> {
          for (ObjectNode item : Views.of(c).itemsOf(id)) {
            c.store.remove(Kinds.PLAYLIST_ITEM, item.path("id").asText());
          }
          c.store.remove(Kinds.PLAYLIST, id);
        });
    return Reply.empty(204);
  }

  // ---- Playlist items -----------------------------------------------------------------------

  private ObjectNode playlistForItems(Call c, String playlistId) throws ApiError {
    if (playlistId == null || playlistId.isEmpty()) {
      throw bad(
          "playlistIdRequired", "youtube.playlistItem", "The request does not specify a playlist.");
    }
    return owned(
        c,
        Kinds.PLAYLIST,
        playlistId,
        true,
        "snippet.channelId",
        () ->
            notFound(
                "playlistNotFound",
                "youtube.playlistItem",
                "The playlist identified with the request's <code>playlistId</code> parameter"
                    + " cannot be found."),
        () ->
            ApiError.forbidden(
                "playlistItemsNotAccessible",
                "youtube.playlistItem",
                "The request is not properly authorized to insert the specified playlist item."));
  }

  private static void renumber(Call c, List<ObjectNode> items) {
    for (int i = 0; i < items.size(); i++) {
      ObjectNode item = items.get(i);
      if (item.path("snippet").path("position").asLong(-1) != i) {
        ObjectNode copy = item.deepCopy();
        Jsons.obj(copy, "snippet").put("position", i);
        c.store.put(Kinds.PLAYLIST_ITEM, copy);
      }
    }
  }

  private Reply insertPlaylistItem(Call c) throws ApiError {
    c.requireUser(null);
    ObjectNode body = c.body(PlaylistItem.class);
    ObjectNode playlist = playlistForItems(c, str(body, "snippet.playlistId"));
    String playlistId = playlist.path("id").asText();
    String videoId = str(body, "snippet.resourceId.videoId");
    if (videoId == null) {
      throw bad(
          "resourceIdRequired",
          "youtube.playlistItem",
          "The request must contain a resource in which the kind is youtube#video and a videoId.");
    }
    ObjectNode video = c.store.get(Kinds.VIDEO, videoId);
    Views views = Views.of(c);
    if (video == null || !views.visible(video)) {
      throw notFound("videoNotFound", "youtube.playlistItem", "Video not found.");
    }
    List<ObjectNode> items = views.itemsOf(playlistId);
    if (items.size() >= 5000) {
      throw ApiError.forbidden(
          "playlistContainsMaximumNumberOfVideos",
          "youtube.playlistItem",
          "The playlist already contains the maximum allowed number of items.");
    }
    JsonNode position = Jsons.at(body, "snippet.position");
    int at = items.size();
    if (position != null && !position.isNull()) {
      at = position.asInt(-1);
      if (at < 0 || at > items.size()) {
        throw bad(
            "invalidPlaylistItemPosition",
            "youtube.playlistItem",
            "Request contains an invalid value for the playlist item's position.");
      }
    }
    ObjectNode channel = c.store.get(Kinds.CHANNEL, str(playlist, "snippet.channelId"));
    ObjectNode item =
        Seed.playlistItem(
            "UE" + Ids.random(42),
            playlistId,
            str(playlist, "snippet.channelId"),
            str(channel, "snippet.title"),
            video,
            at,
            c.backend.clock.instant());
    JsonNode details = body.get("contentDetails");
    if (details != null && c.parts().contains("contentDetails")) {
      for (String name : List.of("note", "startAt", "endAt")) {
        if (details.has(name)) {
          Jsons.obj(item, "contentDetails").set(name, details.get(name).deepCopy());
        }
      }
    }
    c.store.batch(
        () -> {
          c.store.put(Kinds.PLAYLIST_ITEM, item);
          List<ObjectNode> ordered = new java.util.ArrayList<>(items);
          ordered.add(
              Math.min(ordered.size(), item.path("snippet").path("position").asInt()), item);
          renumber(c, ordered);
        });
    return Api.one(c, c.store.get(Kinds.PLAYLIST_ITEM, item.path("id").asText()));
  }

  private ObjectNode ownedItem(Call c, String id) throws ApiError {
    return owned(
        c,
        Kinds.PLAYLIST_ITEM,
        id,
        false,
        "snippet.channelId",
        () -> notFound("playlistItemNotFound", "youtube.playlistItem", "Playlist item not found."),
        () ->
            ApiError.forbidden(
                "playlistItemsNotAccessible",
                "youtube.playlistItem",
                "The request is not properly authorized to modify the specified playlist item."));
  }

  private Reply updatePlaylistItem(Call c) throws ApiError {
    c.requireUser(null);
    ObjectNode body = c.body(PlaylistItem.class);
    ObjectNode item = ownedItem(c, bodyId(body)).deepCopy();
    String playlistId = str(item, "snippet.playlistId");
    Set<String> parts = writing(c, Set.of("snippet", "contentDetails"));
    List<ObjectNode> items = Views.of(c).itemsOf(playlistId);
    if (parts.contains("snippet")) {
      String newPlaylist = str(body, "snippet.playlistId");
      if (newPlaylist != null && !newPlaylist.equals(playlistId)) {
        throw bad(
            "playlistIdMismatch",
            "youtube.playlistItem",
            "The request does not specify a valid playlist ID for the playlist item.");
      }
      JsonNode position = Jsons.at(body, "snippet.position");
      if (position != null && !position.isNull()) {
        int at = position.asInt(-1);
        if (at < 0 || at >= items.size()) {
          throw bad(
              "invalidPlaylistItemPosition",
              "youtube.playlistItem",
              "Request contains an invalid value for the playlist item's position.");
        }
        items.removeIf(i -> i.path("id").asText().equals(item.path("id").asText()));
        items.add(at, item);
      }
    }
    if (parts.contains("contentDetails")) {
      ObjectNode details = Jsons.obj(item, "contentDetails");
      JsonNode given = body.get("contentDetails");
      for (String name : List.of("note", "startAt", "endAt")) {
        if (given != null && given.has(name)) {
          details.set(name, given.get(name).deepCopy());
        } else {
          details.remove(name);
        }
      }
    }
    c.store.batch(
        () -> {
          c.store.put(Kinds.PLAYLIST_ITEM, item);
          List<ObjectNode> ordered = new java.util.ArrayList<>();
          for (ObjectNode i : items) {
            ordered.add(c.store.get(Kinds.PLAYLIST_ITEM, i.path("id").asText()));
          }
          renumber(c, ordered);
        });
    return Api.one(c, c.store.get(Kinds.PLAYLIST_ITEM, item.path("id").asText()));
  }

  private Reply deletePlaylistItem(Call c) throws ApiError {
    c.requireUser(null);
    String id = c.param("id");
    ObjectNode item = ownedItem(c, id);
    c.store.batch(
        () -> {
          c.store.remove(Kinds.PLAYLIST_ITEM, id);
          renumber(c, Views.of(c).itemsOf(str(item, "snippet.playlistId")));
        });
    return Reply.empty(204);
  }

  // ---- Videos -------------------------------------------------------------------------------

  static ObjectNode ownedVideo(Call c, String id, String location) throws ApiError {
    return owned(
        c,
        Kinds.VIDEO,
        id,
        true,
        "snippet.channelId",
        () -> videoNotFound(location),
        () ->
            ApiError.forbidden(
                "forbidden",
                "youtube.video",
                "The request is not properly authorized to access or modify this video."));
  }

  /** Checks a video body's snippet and status, as {@code videos.insert} and update do. */
  static void checkVideo(Call c, ObjectNode body, Set<String> parts) throws ApiError {
    if (parts.contains("snippet") && body.has("snippet")) {
      String title = str(body, "snippet.title");
      if (title != null && (title.isBlank() || title.length() > 100 || title.contains("<"))) {
        throw ApiError.badRequest(
            "invalidTitle",
            "youtube.video",
            "The request metadata specifies an invalid video title.");
      }
      String category = str(body, "snippet.categoryId");
      if (category != null && c.store.get(Kinds.VIDEO_CATEGORY, category) == null) {
        throw ApiError.badRequest(
            "invalidCategoryId",
            "youtube.video",
            "The <code>snippet.categoryId</code> property specifies an invalid category ID.");
      }
    }
    String privacy = str(body, "status.privacyStatus");
    if (parts.contains("status") && privacy != null && !PRIVACY.contains(privacy)) {
      throw ApiError.badRequest(
          "invalidVideoMetadata", "youtube.video", "Invalid privacy status: " + privacy);
    }
  }

  private Reply updateVideo(Call c) throws ApiError {
    c.requireUser(null);
    ObjectNode body = c.body(Video.class);
    ObjectNode video = ownedVideo(c, bodyId(body), "id").deepCopy();
    Set<String> parts =
        writing(c, Set.of("snippet", "status", "recordingDetails", "localizations"));
    checkVideo(c, body, parts);
    if (parts.contains("snippet")) {
      if (str(body, "snippet.title") == null) {
        throw ApiError.badRequest(
            "invalidTitle",
            "youtube.video",
            "The request metadata specifies an invalid video title.");
      }
      if (str(body, "snippet.categoryId") == null) {
        throw ApiError.badRequest(
            "invalidCategoryId",
            "youtube.video",
            "The <code>snippet.categoryId</code> property specifies an invalid category ID.");
      }
      ObjectNode snippet =
          mergeSnippet(
              (ObjectNode) video.get("snippet"),
              body.get("snippet"),
              List.of(
                  "title",
                  "description",
                  "tags",
                  "categoryId",
                  "defaultLanguage",
                  "defaultAudioLanguage"));
      if (!snippet.has("description")) {
        snippet.put("description", "");
      }
      snippet.set(
          "localized",
          of("title", snippet.get("title"), "description", snippet.get("description")));
      video.set("snippet", snippet);
    }
    if (parts.contains("status")) {
      ObjectNode status = (ObjectNode) video.get("status").deepCopy();
      JsonNode given = body.get("status");
      for (String name :
          List.of(
              "privacyStatus",
              "license",
              "embeddable",
              "publicStatsViewable",
              "publishAt",
              "selfDeclaredMadeForKids",
              "containsSyntheticMedia")) {
        if (given != null && given.has(name)) {
          status.set(name, given.get(name).deepCopy());
        }
      }
      if (status.has("selfDeclaredMadeForKids")) {
        status.set("madeForKids", status.get("selfDeclaredMadeForKids"));
      }
      video.set("status", status);
    }
    replaceParts(video, body, writing(c, Set.of("recordingDetails", "localizations")));
    c.store.put(Kinds.VIDEO, video);
    c.backend.hub.videoChanged(video);
    return Api.one(c, Views.of(c).video(video));
  }

  private Reply deleteVideo(Call c) throws ApiError {
    c.requireUser(null);
    String id = c.param("id");
    ObjectNode video = ownedVideo(c, id, "id");
    c.store.batch(() -> deleteVideoAndDependents(c.store, id));
    c.backend.hub.videoDeleted(video);
    return Reply.empty(204);
  }

  static void deleteVideoAndDependents(Store store, String id) {
    for (ObjectNode item :
        store.find(Kinds.PLAYLIST_ITEM, i -> id.equals(str(i, "contentDetails.videoId")))) {
      store.remove(Kinds.PLAYLIST_ITEM, item.path("id").asText());
    }
    for (ObjectNode comment :
        store.find(Kinds.COMMENT, n -> id.equals(str(n, "snippet.videoId")))) {
      store.remove(Kinds.COMMENT, comment.path("id").asText());
    }
    for (ObjectNode thread :
        store.find(Kinds.COMMENT_THREAD, n -> id.equals(str(n, "snippet.videoId")))) {
      store.remove(Kinds.COMMENT_THREAD, thread.path("id").asText());
    }
    for (ObjectNode caption :
        store.find(Kinds.CAPTION, n -> id.equals(str(n, "snippet.videoId")))) {
      store.remove(Kinds.CAPTION, caption.path("id").asText());
      store.removeMedia("caption:" + caption.path("id").asText());
    }
    for (ObjectNode rating : store.find(Kinds.RATING, n -> id.equals(n.path("videoId").asText()))) {
      store.remove(Kinds.RATING, rating.path("id").asText());
    }
    store.removeMedia("video:" + id);
    store.removeMedia("thumbnail:" + id);
    store.remove(Kinds.VIDEO, id);
  }

  private Reply rate(Call c) throws ApiError {
    Account me = c.requireUser(null);
    String id = c.param("id");
    String rating = c.param("rating");
    ObjectNode video = c.store.get(Kinds.VIDEO, id);
    if (video == null || !Views.of(c).visible(video)) {
      throw videoNotFound("id");
    }
    String key = me.channelId() + ":" + id;
    ObjectNode old = c.store.get(Kinds.RATING, key);
    String before = old == null ? "none" : old.path("rating").asText();
    c.store.batch(
        () -> {
          if (rating.equals("none")) {
            c.store.remove(Kinds.RATING, key);
          } else {
            c.store.put(
                Kinds.RATING,
                of("id", key, "channelId", me.channelId(), "videoId", id, "rating", rating));
          }
          ObjectNode copy = video.deepCopy();
          ObjectNode statistics = Jsons.obj(copy, "statistics");
          long likes = statistics.path("likeCount").asLong();
          long dislikes = statistics.path("dislikeCount").asLong();
          likes += (rating.equals("like") ? 1 : 0) - (before.equals("like") ? 1 : 0);
          dislikes += (rating.equals("dislike") ? 1 : 0) - (before.equals("dislike") ? 1 : 0);
          statistics.put("likeCount", String.valueOf(Math.max(0, likes)));
          if (dislikes > 0 || statistics.has("dislikeCount")) {
            statistics.put("dislikeCount", String.valueOf(Math.max(0, dislikes)));
          }
          c.store.put(Kinds.VIDEO, copy);
        });
    return Reply.empty(204);
  }

  private Reply reportAbuse(Call c) throws ApiError {
    c.requireUser(null);
    ObjectNode body = c.body(VideoAbuseReport.class);
    String videoId = str(body, "videoId");
    if (videoId == null || c.store.get(Kinds.VIDEO, videoId) == null) {
      throw videoNotFound("videoId");
    }
    String reason = str(body, "reasonId");
    if (reason == null || c.store.get(Kinds.VIDEO_ABUSE_REPORT_REASON, reason) == null) {
      throw bad(
          "invalidAbuseReason", "youtube.video", "The request contained an unexpected reason.");
    }
    return Reply.empty(204);
  }

  private Reply deleteCaption(Call c) throws ApiError {
    c.requireUser(null);
    String id = c.param("id");
    Uploads.ownedCaption(c, id);
    c.store.batch(
        () -> {
          c.store.remove(Kinds.CAPTION, id);
          c.store.removeMedia("caption:" + id);
        });
    return Reply.empty(204);
  }

  // ---- Comments -----------------------------------------------------------------------------

  private static ApiError commentNotFound(String location) {
    return ApiError.notFound(
        "commentNotFound",
        "youtube.comment",
        "The comment identified by the <code>" + location + "</code> parameter could not be found.",
        location);
  }

  private static String text(ObjectNode body, String path) throws ApiError {
    String text = str(body, path);
    if (text == null || text.isBlank()) {
      throw bad("commentTextRequired", "youtube.comment", "The comment text is required.");
    }
    if (text.length() > 10_000) {
      throw bad("commentTextTooLong", "youtube.comment", "The comment text is too long.");
    }
    return text;
  }

  private static ObjectNode newComment(
      Call c, Account author, String videoId, String channelId, String text, String parentId) {
    String id = parentId == null ? "Ugz" + Ids.random(23) : parentId + "." + Ids.random(22);
    ObjectNode comment =
        Seed.comment(
            id,
            videoId,
            channelId,
            author.channelId(),
            author.name(),
            author.handle(),
            text,
            0,
            c.backend.clock.instant(),
            parentId);
    c.store.put(Kinds.COMMENT, comment);
    return comment;
  }

  private Reply insertComment(Call c) throws ApiError {
    Account me = c.requireUser(null);
    ObjectNode body = c.body(Comment.class);
    String parentId = str(body, "snippet.parentId");
    if (parentId == null) {
      throw bad(
          "parentIdMissing",
          "youtube.comment",
          "No parent ID was specified: a reply needs <code>snippet.parentId</code>; a top-level"
              + " comment is made with commentThreads.insert.");
    }
    ObjectNode thread = c.store.get(Kinds.COMMENT_THREAD, parentId);
    if (thread == null) {
      throw commentNotFound("snippet.parentId");
    }
    String text = text(body, "snippet.textOriginal");
    ObjectNode comment =
        newComment(
            c,
            me,
            str(thread, "snippet.videoId"),
            str(thread, "snippet.channelId"),
            text,
            parentId);
    return Api.one(c, Views.of(c).comment(comment));
  }

  private ObjectNode authoredComment(Call c, String id, String location) throws ApiError {
    return owned(
        c,
        Kinds.COMMENT,
        id,
        false,
        "snippet.authorChannelId.value",
        () -> commentNotFound(location),
        () ->
            ApiError.forbidden(
                "forbidden",
                "youtube.comment",
                "The comment could not be updated due to insufficient permissions."));
  }

  private Reply updateComment(Call c) throws ApiError {
    c.requireUser(null);
    ObjectNode body = c.body(Comment.class);
    ObjectNode comment = authoredComment(c, bodyId(body), "id").deepCopy();
    String text = text(body, "snippet.textOriginal");
    ObjectNode snippet = Jsons.obj(comment, "snippet");
    snippet.put("textOriginal", text);
    snippet.put("textDisplay", Comments.html(text));
    snippet.put("updatedAt", now(c));
    c.store.put(Kinds.COMMENT, comment);
    return Api.one(c, Views.of(c).comment(comment));
  }

  private Reply deleteComment(Call c) throws ApiError {
    c.requireUser(null);
    String id = c.param("id");
    ObjectNode comment = c.store.get(Kinds.COMMENT, id);
    if (comment == null) {
      throw commentNotFound("id");
    }
    Views views = Views.of(c);
    if (!views.mine(str(comment, "snippet.authorChannelId.value"))
        && !views.mine(str(comment, "snippet.channelId"))) {
      throw ApiError.forbidden(
          "forbidden",
          "youtube.comment",
          "The comment could not be deleted due to insufficient permissions.");
    }
    c.store.batch(
        () -> {
          if (str(comment, "snippet.parentId") == null) {
            for (ObjectNode reply : views.repliesOf(id)) {
              c.store.remove(Kinds.COMMENT, reply.path("id").asText());
            }
            c.store.remove(Kinds.COMMENT_THREAD, id);
          }
          c.store.remove(Kinds.COMMENT, id);
        });
    return Reply.empty(204);
  }

  private Reply markAsSpam(Call c) throws ApiError {
    c.requireUser(null);
    for (String id : c.list("id")) {
      if (c.store.get(Kinds.COMMENT, id) == null) {
        throw commentNotFound("id");
      }
    }
    return Reply.empty(204);
  }

  private Reply setModerationStatus(Call c) throws ApiError {
    c.requireUser(null);
    String status = c.param("moderationStatus");
    if (c.flag("banAuthor") && !status.equals("rejected")) {
      throw bad(
          "banWithoutReject",
          "youtube.comment",
          "The <code>banAuthor</code> parameter can only be used with the <code>rejected</code>"
              + " moderation status.");
    }
    List<ObjectNode> comments = new java.util.ArrayList<>();
    for (String id : c.list("id")) {
      comments.add(
          owned(
              c,
              Kinds.COMMENT,
              id,
              false,
              "snippet.channelId",
              () -> commentNotFound("id"),
              () ->
                  ApiError.forbidden(
                      "forbidden",
                      "youtube.comment",
                      "The comment could not be moderated due to insufficient permissions.")));
    }
    c.store.batch(
        () -> {
          for (ObjectNode comment : comments) {
            ObjectNode copy = comment.deepCopy();
            Jsons.obj(copy, "snippet").put("moderationStatus", status);
            c.store.put(Kinds.COMMENT, copy);
          }
        });
    return Reply.empty(204);
  }

  private Reply insertThread(Call c) throws ApiError {
    Account me = c.requireUser(null);
    ObjectNode body = c.body(CommentThread.class);
    String videoId = str(body, "snippet.videoId");
    String channelId = str(body, "snippet.channelId");
    if (videoId == null) {
      throw bad(
          "invalidCommentThreadMetadata",
          "youtube.commentThread",
          "The request metadata is invalid: <code>snippet.videoId</code> is required.");
    }
    ObjectNode video = c.store.get(Kinds.VIDEO, videoId);
    if (video == null || !Views.of(c).visible(video)) {
      throw videoNotFound("snippet.videoId");
    }
    String owner = str(video, "snippet.channelId");
    if (channelId != null && !channelId.equals(owner)) {
      throw bad(
          "invalidCommentThreadMetadata",
          "youtube.commentThread",
          "The <code>snippet.channelId</code> does not match the video's channel.");
    }
    String text = text(body, "snippet.topLevelComment.snippet.textOriginal");
    ObjectNode comment = newComment(c, me, videoId, owner, text, null);
    ObjectNode thread =
        of(
            "kind",
            Kinds.COMMENT_THREAD,
            "id",
            comment.path("id").asText(),
            "snippet",
            of(
                "channelId",
                owner,
                "videoId",
                videoId,
                "canReply",
                true,
                "totalReplyCount",
                0,
                "isPublic",
                true));
    c.store.put(Kinds.COMMENT_THREAD, thread);
    return Api.one(c, Views.of(c).thread(thread));
  }

  // ---- Subscriptions ------------------------------------------------------------------------

  private static void addSubscribers(Call c, String channelId, long delta) {
    ObjectNode channel = c.store.get(Kinds.CHANNEL, channelId);
    if (channel != null) {
      ObjectNode copy = channel.deepCopy();
      ObjectNode statistics = Jsons.obj(copy, "statistics");
      statistics.put(
          "subscriberCount",
          String.valueOf(Math.max(0, statistics.path("subscriberCount").asLong() + delta)));
      c.store.put(Kinds.CHANNEL, copy);
    }
  }

  private Reply subscribe(Call c) throws ApiError {
    Account me = c.requireUser(null);
    ObjectNode body = c.body(Subscription.class);
    String target = str(body, "snippet.resourceId.channelId");
    if (target == null) {
      throw bad(
          "subscriptionResourceIdRequired",
          "youtube.subscription",
          "The subscription's <code>snippet.resourceId.channelId</code> is required.");
    }
    ObjectNode channel = c.store.get(Kinds.CHANNEL, target);
    if (channel == null) {
      throw notFound(
          "publisherNotFound",
          "youtube.subscription",
          "The resource specified by the request's <code>resourceId.channelId</code> property"
              + " cannot be found.");
    }
    if (target.equals(me.channelId())) {
      throw bad(
          "subscriptionForbidden",
          "youtube.subscription",
          "You cannot subscribe to your own channel.");
    }
    for (ObjectNode s :
        c.store.find(Kinds.SUBSCRIPTION, n -> me.channelId().equals(str(n, "snippet.channelId")))) {
      if (target.equals(str(s, "snippet.resourceId.channelId"))) {
        throw bad(
            "subscriptionDuplicate",
            "youtube.subscription",
            "The subscription that you are trying to create already exists.");
      }
    }
    ObjectNode subscription =
        Seed.subscriptionNode(
            Ids.random(43),
            c.store.get(Kinds.CHANNEL, me.channelId()),
            channel,
            c.backend.clock.instant());
    c.store.batch(
        () -> {
          c.store.put(Kinds.SUBSCRIPTION, subscription);
          addSubscribers(c, target, 1);
        });
    return Api.one(c, subscription);
  }

  private Reply unsubscribe(Call c) throws ApiError {
    c.requireUser(null);
    String id = c.param("id");
    ObjectNode subscription =
        owned(
            c,
            Kinds.SUBSCRIPTION,
            id,
            false,
            "snippet.channelId",
            () ->
                notFound(
                    "subscriptionNotFound",
                    "youtube.subscription",
                    "The subscription that you are trying to delete cannot be found."),
            () ->
                ApiError.forbidden(
                    "subscriptionForbidden",
                    "youtube.subscription",
                    "The request is not properly authenticated or not supported for this channel."));
    c.store.batch(
        () -> {
          c.store.remove(Kinds.SUBSCRIPTION, id);
          addSubscribers(c, str(subscription, "snippet.resourceId.channelId"), -1);
        });
    return Reply.empty(204);
  }

  // ---- Channel sections and channels ------------------------------------------------------------

  private static final Set<String> SECTION_TYPES =
      Set.of(
          "allPlaylists",
          "completedEvents",
          "liveEvents",
          "multipleChannels",
          "multiplePlaylists",
          "popularUploads",
          "recentUploads",
          "singlePlaylist",
          "subscriptions",
          "upcomingEvents");

  private ObjectNode checkedSection(Call c, ObjectNode body) throws ApiError {
    String type = str(body, "snippet.type");
    if (type == null) {
      throw bad("typeRequired", "youtube.channelSection", "The channel section type is required.");
    }
    if (!SECTION_TYPES.contains(type)) {
      throw bad("invalidValue", "youtube.channelSection", "Invalid channel section type: " + type);
    }
    JsonNode playlists = Jsons.at(body, "contentDetails.playlists");
    if ((type.equals("singlePlaylist") || type.equals("multiplePlaylists"))
        && (playlists == null || playlists.isEmpty())) {
      throw bad(
          "playlistsRequired",
          "youtube.channelSection",
          "The channel section of this type requires <code>contentDetails.playlists</code>.");
    }
    if (type.equals("multiplePlaylists") && str(body, "snippet.title") == null) {
      throw bad(
          "titleRequired", "youtube.channelSection", "A multiplePlaylists section needs a title.");
    }
    if (playlists != null) {
      for (JsonNode id : playlists) {
        if (c.store.get(Kinds.PLAYLIST, id.asText()) == null) {
          throw notFound(
              "playlistNotFound",
              "youtube.channelSection",
              "The playlist " + id.asText() + " cannot be found.");
        }
      }
    }
    return body;
  }

  private Reply insertSection(Call c) throws ApiError {
    Account me = c.requireUser(null);
    ObjectNode body = checkedSection(c, c.body(ChannelSection.class));
    List<ObjectNode> sections =
        c.store.find(
            Kinds.CHANNEL_SECTION, n -> me.channelId().equals(str(n, "snippet.channelId")));
    if (sections.size() >= 10) {
      throw bad(
          "maxChannelSectionExceeded",
          "youtube.channelSection",
          "The channel already has the maximum number of sections.");
    }
    JsonNode position = Jsons.at(body, "snippet.position");
    ObjectNode section =
        of(
            "kind",
            Kinds.CHANNEL_SECTION,
            "id",
            me.channelId() + "." + Ids.random(11),
            "snippet",
            of(
                "type", str(body, "snippet.type"),
                "channelId", me.channelId(),
                "title", str(body, "snippet.title"),
                "position", position == null ? sections.size() : position.asInt()));
    if (body.has("contentDetails")) {
      section.set("contentDetails", body.get("contentDetails").deepCopy());
    }
    c.store.put(Kinds.CHANNEL_SECTION, section);
    return Api.one(c, section);
  }

  private ObjectNode ownedSection(Call c, String id) throws ApiError {
    return owned(
        c,
        Kinds.CHANNEL_SECTION,
        id,
        false,
        "snippet.channelId",
        () ->
            notFound(
                "channelSectionNotFound",
                "youtube.channelSection",
                "The channel section that you are trying to update cannot be found."),
        () ->
            ApiError.forbidden(
                "channelSectionForbidden",
                "youtube.channelSection",
                "The request is not properly authenticated or not supported for this channel."));
  }

  private Reply updateSection(Call c) throws ApiError {
    c.requireUser(null);
    ObjectNode body = c.body(ChannelSection.class);
    ObjectNode section = ownedSection(c, bodyId(body)).deepCopy();
    Set<String> parts = writing(c, Set.of("snippet", "contentDetails"));
    if (parts.contains("snippet")) {
      checkedSection(c, body);
      ObjectNode snippet = Jsons.obj(section, "snippet");
      snippet.put("type", str(body, "snippet.type"));
      JsonNode title = Jsons.at(body, "snippet.title");
      if (title == null) {
        snippet.remove("title");
      } else {
        snippet.set("title", title.deepCopy());
      }
      JsonNode position = Jsons.at(body, "snippet.position");
      if (position != null) {
        snippet.put("position", position.asInt());
      }
    }
    if (parts.contains("contentDetails")) {
      replaceParts(section, body, Set.of("contentDetails"));
    }
    c.store.put(Kinds.CHANNEL_SECTION, section);
    return Api.one(c, section);
  }

  private Reply deleteSection(Call c) throws ApiError {
    c.requireUser(null);
    String id = c.param("id");
    ownedSection(c, id);
    c.store.remove(Kinds.CHANNEL_SECTION, id);
    return Reply.empty(204);
  }

  private Reply updateChannel(Call c) throws ApiError {
    Account me = c.requireUser(null);
    ObjectNode body = c.body(Channel.class);
    String id = bodyId(body);
    ObjectNode channel = c.store.get(Kinds.CHANNEL, id);
    if (channel == null) {
      throw notFound("channelNotFound", "youtube.channel", "The channel cannot be found.");
    }
    if (!id.equals(me.channelId())) {
      throw ApiError.forbidden(
          "channelForbidden",
          "youtube.channel",
          "The channel identified by the <code>id</code> parameter does not support the request"
              + " or the request is not properly authorized.");
    }
    ObjectNode copy = channel.deepCopy();
    Set<String> parts =
        writing(c, Set.of("brandingSettings", "localizations", "status", "invideoPromotion"));
    if (parts.contains("status")) {
      JsonNode kids = Jsons.at(body, "status.selfDeclaredMadeForKids");
      ObjectNode status = Jsons.obj(copy, "status");
      if (kids != null) {
        status.set("selfDeclaredMadeForKids", kids.deepCopy());
        status.set("madeForKids", kids.deepCopy());
      }
    }
    if (parts.contains("brandingSettings")) {
      replaceParts(copy, body, Set.of("brandingSettings"));
      String title = str(copy, "brandingSettings.channel.title");
      String description = str(copy, "brandingSettings.channel.description");
      ObjectNode snippet = Jsons.obj(copy, "snippet");
      if (title != null) {
        snippet.put("title", title);
      }
      if (description != null) {
        snippet.put("description", description);
      }
      snippet.set(
          "localized",
          of("title", snippet.get("title"), "description", snippet.get("description")));
    }
    replaceParts(copy, body, writing(c, Set.of("localizations", "invideoPromotion")));
    c.store.put(Kinds.CHANNEL, copy);
    return Api.one(c, Views.of(c).channel(copy));
  }
}
