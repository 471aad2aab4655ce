package io.github.jyoutube.emulator;

import static io.github.jyoutube.emulator.Jsons.of;
import static io.github.jyoutube.emulator.Jsons.str;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jyoutube.emulator.Exchange.Reply;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/** The list and get methods. */
final class Reads {

  private final Api api;

  Reads(Api api) {
    this.api = api;
  }

  void register() {
    api.on("youtube.activities.list", this::activities);
    api.on("youtube.captions.list", this::captions);
    api.on("youtube.captions.download", c -> api.uploads.downloadCaption(c));
    api.on("youtube.channels.list", this::channels);
    api.on("youtube.channelSections.list", this::channelSections);
    api.on("youtube.commentThreads.list", this::commentThreads);
    api.on("youtube.comments.list", this::comments);
    api.on("youtube.i18nLanguages.list", c -> Api.list(c, c.store.all(Kinds.I18N_LANGUAGE), null));
    api.on("youtube.i18nRegions.list", c -> Api.list(c, c.store.all(Kinds.I18N_REGION), null));
    api.on(
        "youtube.videoAbuseReportReasons.list",
        c -> Api.list(c, c.store.all(Kinds.VIDEO_ABUSE_REPORT_REASON), null));
    api.on("youtube.videoCategories.list", this::videoCategories);
    api.on("youtube.members.list", this::members);
    api.on("youtube.membershipsLevels.list", this::membershipsLevels);
    api.on("youtube.playlistItems.list", this::playlistItems);
    api.on("youtube.playlists.list", this::playlists);
    api.on("youtube.search.list", this::search);
    api.on("youtube.subscriptions.list", this::subscriptions);
    api.on("youtube.superChatEvents.list", this::superChatEvents);
    api.on("youtube.videos.list", this::videos);
    api.on("youtube.videos.getRating", this::getRating);
    api.on("youtube.videos.batchGetStats", this::batchGetStats);
    api.on("youtube.liveBroadcasts.list", this::liveBroadcasts);
    api.on("youtube.liveStreams.list", this::liveStreams);
    api.on("youtube.liveChatModerators.list", this::liveChatModerators);
    api.on(
        "youtube.videoTrainability.get",
        c ->
            Reply.json(
                200,
                Api.withEtag(
                    of(
                        "kind", "youtube#videoTrainability",
                        "videoId", c.param("id"),
                        "permitted", Jsons.array())),
                true));
  }

  /** Resources whose id is among {@code ids}, in the order of {@code ids}. */
  private static List<ObjectNode> byIds(Call c, String kind, List<String> ids) {
    List<ObjectNode> found = new ArrayList<>();
    for (String id : ids) {
      ObjectNode node = c.store.get(kind, id);
      if (node != null && !found.contains(node)) {
        found.add(node);
      }
    }
    return found;
  }

  /** A list filtered by {@code id}: every match on one page, as the API does for ids. */
  private static Reply all(
      Call c, List<ObjectNode> items, java.util.function.Function<ObjectNode, ObjectNode> view)
      throws ApiError {
    if (c.param("maxResults") != null || c.param("pageToken") != null || !c.spec.paged()) {
      return Api.list(c, items, view);
    }
    c.ex.query.put("maxResults", List.of(String.valueOf(Math.max(items.size(), 1))));
    try {
      return Api.list(c, items, view);
    } finally {
      c.ex.query.remove("maxResults");
    }
  }

  private static Predicate<ObjectNode> channelIs(String channelId) {
    return node -> channelId.equals(str(node, "snippet.channelId"));
  }

  private static Instant time(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  private static Comparator<ObjectNode> newestFirst(String path) {
    return Comparator.comparing((ObjectNode n) -> time(str(n, path))).reversed();
  }

  // ---- activities -----------------------------------------------------------------------------

  private Reply activities(Call c) throws ApiError {
    String filter = Api.oneFilter(c, "channelId", "home", "mine");
    Views views = Views.of(c);
    List<String> channels = new ArrayList<>();
    switch (filter) {
      case "channelId" -> channels.add(c.param("channelId"));
      case "mine" -> channels.add(c.requireUser("mine").channelId());
      default -> {
        String me = c.requireUser("home").channelId();
        for (ObjectNode s : c.store.find(Kinds.SUBSCRIPTION, channelIs(me))) {
          channels.add(str(s, "snippet.resourceId.channelId"));
        }
      }
    }
    List<ObjectNode> activities = new ArrayList<>();
    for (ObjectNode video : c.store.all(Kinds.VIDEO)) {
      if (channels.contains(str(video, "snippet.channelId")) && views.listed(video)) {
        activities.add(activity(video));
      }
    }
    Instant after = c.param("publishedAfter") == null ? null : time(c.param("publishedAfter"));
    Instant before = c.param("publishedBefore") == null ? null : time(c.param("publishedBefore"));
    activities.removeIf(
        a -> {
          Instant at = time(str(a, "snippet.publishedAt"));
          return (after != null && at.isBefore(after)) || (before != null && !at.isBefore(before));
        });
    activities.sort(newestFirst("snippet.publishedAt"));
    return Api.list(c, activities, null);
  }

  private static ObjectNode activity(ObjectNode video) {
    String videoId = video.path("id").asText();
    return of(
        "kind",
        Kinds.ACTIVITY,
        "id",
        Ids.derived("activity:" + videoId, 36),
        "snippet",
        of(
            "publishedAt", str(video, "snippet.publishedAt"),
            "channelId", str(video, "snippet.channelId"),
            "title", str(video, "snippet.title"),
            "description", str(video, "snippet.description"),
            "thumbnails", Jsons.at(video, "snippet.thumbnails").deepCopy(),
            "channelTitle", str(video, "snippet.channelTitle"),
            "type", "upload"),
        "contentDetails",
        of("upload", of("videoId", videoId)));
  }

  // ---- captions ------------------------------------------------------------------------------

  private Reply captions(Call c) throws ApiError {
    String videoId = c.param("videoId");
    ObjectNode video = c.store.get(Kinds.VIDEO, videoId);
    Views views = Views.of(c);
    if (video == null || !views.visible(video)) {
      throw Writes.videoNotFound("videoId");
    }
    List<ObjectNode> captions =
        c.store.find(Kinds.CAPTION, n -> videoId.equals(str(n, "snippet.videoId")));
    List<String> ids = c.list("id");
    if (!ids.isEmpty()) {
      captions.removeIf(n -> !ids.contains(n.path("id").asText()));
    }
    if (!views.mine(str(video, "snippet.channelId"))) {
      captions.removeIf(n -> n.path("snippet").path("isDraft").asBoolean());
    }
    return Api.list(c, captions, null);
  }

  // ---- channels ------------------------------------------------------------------------------

  private Reply channels(Call c) throws ApiError {
    String filter =
        Api.oneFilter(
            c,
            "categoryId",
            "forHandle",
            "forUsername",
            "id",
            "managedByMe",
            "mine",
            "mySubscribers");
    Views views = Views.of(c);
    List<ObjectNode> channels;
    switch (filter) {
      case "id" -> {
        return all(c, byIds(c, Kinds.CHANNEL, c.list("id")), views::channel);
      }
      case "mine" -> channels = byIds(c, Kinds.CHANNEL, List.of(c.requireUser("mine").channelId()));
      case "forHandle" -> {
        String handle = c.param("forHandle");
        String wanted = (handle.startsWith("@") ? handle : "@" + handle).toLowerCase(Locale.ROOT);
        channels =
            c.store.find(
                Kinds.CHANNEL,
                n ->
                    wanted.equals(
                        String.valueOf(str(n, "snippet.customUrl")).toLowerCase(Locale.ROOT)));
      }
      case "forUsername" -> {
        String name = c.param("forUsername").toLowerCase(Locale.ROOT);
        channels =
            c.store.find(
                Kinds.CHANNEL,
                n ->
                    name.equals(
                            String.valueOf(str(n, "snippet.customUrl"))
                                .replace("@", "")
                                .toLowerCase(Locale.ROOT))
                        || name.equals(
                            String.valueOf(str(n, "snippet.title"))
                                .replace(" ", "")
                                .toLowerCase(Locale.ROOT)));
      }
      case "mySubscribers" -> {
        String me = c.requireUser("mySubscribers").channelId();
        List<String> subscribers = new ArrayList<>();
        for (ObjectNode s : c.store.all(Kinds.SUBSCRIPTION)) {
          if (me.equals(str(s, "snippet.resourceId.channelId"))) {
            subscribers.add(str(s, "snippet.channelId"));
          }
        }
        channels = byIds(c, Kinds.CHANNEL, subscribers);
      }
      case "managedByMe" -> {
        c.requireUser("managedByMe");
        if (c.param("onBehalfOfContentOwner") == null) {
          throw ApiError.badRequest(
              "invalidCriteria",
              "youtube.channel",
              "The <code>managedByMe</code> parameter requires the <code>onBehalfOfContentOwner"
                  + "</code> parameter.");
        }
        channels = new ArrayList<>();
      }
      default -> channels = new ArrayList<>();
    }
    return Api.list(c, channels, views::channel);
  }

  private Reply channelSections(Call c) throws ApiError {
    String filter = Api.oneFilter(c, "channelId", "id", "mine");
    List<ObjectNode> sections =
        switch (filter) {
          case "id" -> byIds(c, Kinds.CHANNEL_SECTION, c.list("id"));
          case "mine" ->
              c.store.find(Kinds.CHANNEL_SECTION, channelIs(c.requireUser("mine").channelId()));
          default -> c.store.find(Kinds.CHANNEL_SECTION, channelIs(c.param("channelId")));
        };
    if (!filter.equals("id")) {
      sections.sort(Comparator.comparingLong(n -> n.path("snippet").path("position").asLong()));
    }
    return Api.list(c, sections, null);
  }

  // ---- comments ------------------------------------------------------------------------------

  private Reply commentThreads(Call c) throws ApiError {
    String filter = Api.oneFilter(c, "allThreadsRelatedToChannelId", "channelId", "id", "videoId");
    Views views = Views.of(c);
    List<ObjectNode> threads;
    switch (filter) {
      case "id" -> threads = byIds(c, Kinds.COMMENT_THREAD, c.list("id"));
      case "videoId" -> {
        String videoId = c.param("videoId");
        ObjectNode video = c.store.get(Kinds.VIDEO, videoId);
        if (video == null || !views.visible(video)) {
          throw Writes.videoNotFound("videoId");
        }
        threads =
            c.store.find(Kinds.COMMENT_THREAD, n -> videoId.equals(str(n, "snippet.videoId")));
      }
      case "channelId" -> {
        String channelId = c.param("channelId");
        threads =
            c.store.find(
                Kinds.COMMENT_THREAD,
                n ->
                    channelId.equals(str(n, "snippet.channelId"))
                        && str(n, "snippet.videoId") == null);
      }
      default -> {
        String channelId = c.param("allThreadsRelatedToChannelId");
        threads = c.store.find(Kinds.COMMENT_THREAD, channelIs(channelId));
      }
    }
    String status = c.param("moderationStatus");
    if (status != null && !status.equals("published")) {
      for (ObjectNode thread : threads) {
        if (!views.mine(str(thread, "snippet.channelId"))) {
          throw ApiError.forbidden(
              "forbidden",
              "youtube.commentThread",
              "The comment thread could not be retrieved due to insufficient permissions. The"
                  + " request might not be properly authorized.");
        }
      }
    }
    String wanted = status == null ? "published" : status;
    threads.removeIf(
        t -> {
          ObjectNode top = c.store.get(Kinds.COMMENT, t.path("id").asText());
          String actual = top == null ? "published" : str(top, "snippet.moderationStatus");
          return !wanted.equals(actual == null ? "published" : actual);
        });
    String terms = c.param("searchTerms");
    if (terms != null) {
      String needle = terms.toLowerCase(Locale.ROOT);
      threads.removeIf(
          t -> {
            ObjectNode top = c.store.get(Kinds.COMMENT, t.path("id").asText());
            return top == null
                || !String.valueOf(str(top, "snippet.textOriginal"))
                    .toLowerCase(Locale.ROOT)
                    .contains(needle);
          });
    }
    if ("relevance".equals(c.param("order"))) {
      threads.sort(
          Comparator.comparingLong(
                  (ObjectNode t) -> {
                    ObjectNode top = c.store.get(Kinds.COMMENT, t.path("id").asText());
                    return top == null ? 0 : top.path("snippet").path("likeCount").asLong();
                  })
              .reversed());
    } else if (!filter.equals("id")) {
      threads.sort(
          Comparator.comparing(
                  (ObjectNode t) -> {
                    ObjectNode top = c.store.get(Kinds.COMMENT, t.path("id").asText());
                    return top == null ? Instant.EPOCH : time(str(top, "snippet.publishedAt"));
                  })
              .reversed());
    }
    if (filter.equals("id")) {
      return all(c, threads, views::thread);
    }
    return Api.list(c, threads, views::thread);
  }

  private Reply comments(Call c) throws ApiError {
    String filter = Api.oneFilter(c, "id", "parentId");
    Views views = Views.of(c);
    if (filter.equals("id")) {
      return all(c, byIds(c, Kinds.COMMENT, c.list("id")), views::comment);
    }
    return Api.list(c, views.repliesOf(c.param("parentId")), views::comment);
  }

  // ---- reference data ------------------------------------------------------------------------

  private Reply videoCategories(Call c) throws ApiError {
    String filter = Api.oneFilter(c, "id", "regionCode");
    List<ObjectNode> categories =
        filter.equals("id")
            ? byIds(c, Kinds.VIDEO_CATEGORY, c.list("id"))
            : c.store.all(Kinds.VIDEO_CATEGORY);
    return Api.list(c, categories, null);
  }

  private Reply members(Call c) throws ApiError {
    String me = c.requireUser(null).channelId();
    List<ObjectNode> members =
        c.store.find(Kinds.MEMBER, n -> me.equals(str(n, "snippet.creatorChannelId")));
    List<String> only = c.list("filterByMemberChannelId");
    if (!only.isEmpty()) {
      members.removeIf(n -> !only.contains(str(n, "snippet.memberDetails.channelId")));
    }
    String level = c.param("hasAccessToLevel");
    if (level != null) {
      members.removeIf(
          n -> {
            for (var l : n.path("snippet").path("membershipsDetails").path("accessibleLevels")) {
              if (l.asText().equals(level)) {
                return false;
              }
            }
            return true;
          });
    }
    List<ObjectNode> shown = new ArrayList<>();
    for (ObjectNode member : members) {
      ObjectNode copy = member.deepCopy();
      copy.remove("id");
      shown.add(copy);
    }
    return Api.list(c, shown, null);
  }

  private Reply membershipsLevels(Call c) throws ApiError {
    String me = c.requireUser(null).channelId();
    return Api.list(
        c,
        c.store.find(Kinds.MEMBERSHIPS_LEVEL, n -> me.equals(str(n, "snippet.creatorChannelId"))),
        null);
  }

  private Reply superChatEvents(Call c) throws ApiError {
    String me = c.requireUser(null).channelId();
    List<ObjectNode> events = c.store.find(Kinds.SUPER_CHAT_EVENT, channelIs(me));
    events.sort(newestFirst("snippet.createdAt"));
    return Api.list(c, events, null);
  }

  // ---- playlists -----------------------------------------------------------------------------

  private Reply playlists(Call c) throws ApiError {
    String filter = Api.oneFilter(c, "channelId", "id", "mine");
    Views views = Views.of(c);
    switch (filter) {
      case "id" -> {
        List<ObjectNode> found = byIds(c, Kinds.PLAYLIST, c.list("id"));
        found.removeIf(p -> !views.visible(p));
        return all(c, found, views::playlist);
      }
      case "mine" -> {
        String me = c.requireUser("mine").channelId();
        return Api.list(c, c.store.find(Kinds.PLAYLIST, channelIs(me)), views::playlist);
      }
      default -> {
        List<ObjectNode> found = c.store.find(Kinds.PLAYLIST, channelIs(c.param("channelId")));
        found.removeIf(p -> !views.listed(p));
        return Api.list(c, found, views::playlist);
      }
    }
  }

  private Reply playlistItems(Call c) throws ApiError {
    String filter = Api.oneFilter(c, "id", "playlistId");
    Views views = Views.of(c);
    List<ObjectNode> items;
    if (filter.equals("id")) {
      items = byIds(c, Kinds.PLAYLIST_ITEM, c.list("id"));
      items.removeIf(i -> !views.visible(i));
      return all(c, items, null);
    }
    String playlistId = c.param("playlistId");
    items = itemsOf(c, views, playlistId);
    String videoId = c.param("videoId");
    if (videoId != null) {
      items = new ArrayList<>(items);
      items.removeIf(i -> !videoId.equals(str(i, "contentDetails.videoId")));
    }
    return Api.list(c, items, null);
  }

  /** The items of a playlist the caller may see, including the virtual uploads and likes lists. */
  static List<ObjectNode> itemsOf(Call c, Views views, String playlistId) throws ApiError {
    if (playlistId.startsWith("UU") && playlistId.length() == 24) {
      String channelId = "UC" + playlistId.substring(2);
      ObjectNode channel = c.store.get(Kinds.CHANNEL, channelId);
      if (channel != null) {
        List<ObjectNode> videos = c.store.find(Kinds.VIDEO, channelIs(channelId));
        videos.removeIf(v -> !views.listed(v));
        sortNewestFirst(videos);
        return lazyItems(playlistId, channelId, str(channel, "snippet.title"), videos);
      }
    }
    if (playlistId.equals("LL")) {
      String me = c.requireUser("playlistId").channelId();
      ObjectNode channel = c.store.get(Kinds.CHANNEL, me);
      List<ObjectNode> liked = new ArrayList<>();
      for (ObjectNode rating : c.store.all(Kinds.RATING)) {
        if (me.equals(rating.path("channelId").asText())
            && "like".equals(rating.path("rating").asText())) {
          ObjectNode video = c.store.get(Kinds.VIDEO, rating.path("videoId").asText());
          if (video != null && views.visible(video)) {
            liked.add(video);
          }
        }
      }
      java.util.Collections.reverse(liked);
      return virtualItems("LL", me, str(channel, "snippet.title"), liked);
    }
    ObjectNode playlist = c.store.get(Kinds.PLAYLIST, playlistId);
    if (playlist == null || !views.visible(playlist)) {
      throw Writes.playlistNotFound("playlistId");
    }
    List<ObjectNode> items = views.itemsOf(playlistId);
    items.removeIf(
        i -> {
          ObjectNode video = c.store.get(Kinds.VIDEO, str(i, "contentDetails.videoId"));
          return video != null && !views.visible(video);
        });
    return items;
  }

  /**
   * Sorts videos newest first, reading each date once (a channel may have thousands): dates in the
   * emulator's own form ({@code 2024-01-15T10:00:00Z}) sort as text, others are read first.
   */
  private static void sortNewestFirst(List<ObjectNode> videos) {
    java.util.Map<ObjectNode, String> at = new java.util.IdentityHashMap<>();
    for (ObjectNode video : videos) {
      String text = String.valueOf(str(video, "snippet.publishedAt"));
      at.put(video, CANONICAL_TIME.matcher(text).matches() ? text : Jsons.time(time(text)));
    }
    videos.sort(Comparator.comparing(at::get, Comparator.reverseOrder()));
  }

  private static final java.util.regex.Pattern CANONICAL_TIME =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

  /**
   * The virtual items of an uploads playlist, each made when read: a page of a channel with
   * thousands of uploads makes its 50 items, not thousands. Filtering copies it into a list.
   */
  private static List<ObjectNode> lazyItems(
      String playlistId, String channelId, String channelTitle, List<ObjectNode> videos) {
    return new java.util.AbstractList<>() {
      @Override
      public ObjectNode get(int index) {
        ObjectNode video = videos.get(index);
        return Seed.playlistItem(
            "UE" + Ids.derived("item:" + playlistId + ":" + video.path("id").asText(), 42),
            playlistId,
            channelId,
            channelTitle,
            video,
            index,
            time(str(video, "snippet.publishedAt")));
      }

      @Override
      public int size() {
        return videos.size();
      }
    };
  }

  private static List<ObjectNode> virtualItems(
      String playlistId, String channelId, String channelTitle, List<ObjectNode> videos) {
    List<ObjectNode> items = new ArrayList<>();
    for (int i = 0; i < videos.size(); i++) {
      ObjectNode video = videos.get(i);
      items.add(
          Seed.playlistItem(
              "UE" + Ids.derived("item:" + playlistId + ":" + video.path("id").asText(), 42),
              playlistId,
              channelId,
              channelTitle,
              video,
              i,
              time(str(video, "snippet.publishedAt"))));
    }
    return items;
  }

  // ---- subscriptions ---------------------------------------------------------------------------

  private Reply subscriptions(Call c) throws ApiError {
    String filter =
        Api.oneFilter(c, "channelId", "id", "mine", "myRecentSubscribers", "mySubscribers");
    List<ObjectNode> subs;
    switch (filter) {
      case "id" -> subs = byIds(c, Kinds.SUBSCRIPTION, c.list("id"));
      case "channelId" -> subs = c.store.find(Kinds.SUBSCRIPTION, channelIs(c.param("channelId")));
      case "mine" ->
          subs = c.store.find(Kinds.SUBSCRIPTION, channelIs(c.requireUser("mine").channelId()));
      default -> {
        String me = c.requireUser(filter).channelId();
        subs =
            c.store.find(
                Kinds.SUBSCRIPTION, n -> me.equals(str(n, "snippet.resourceId.channelId")));
        if (filter.equals("myRecentSubscribers")) {
          subs.sort(newestFirst("snippet.publishedAt"));
        }
      }
    }
    List<String> targets = c.list("forChannelId");
    if (!targets.isEmpty()) {
      subs.removeIf(s -> !targets.contains(str(s, "snippet.resourceId.channelId")));
    }
    if ("alphabetical".equals(c.param("order"))) {
      subs.sort(Comparator.comparing(s -> String.valueOf(str(s, "snippet.title"))));
    }
    boolean own = c.account != null && (filter.equals("mine") || filter.equals("id"));
    List<ObjectNode> shown = new ArrayList<>();
    for (ObjectNode s : subs) {
      ObjectNode copy = s.deepCopy();
      if (!own && !filter.startsWith("my")) {
        copy.remove("subscriberSnippet");
      }
      shown.add(copy);
    }
    return Api.list(c, shown, null);
  }

  // ---- videos ----------------------------------------------------------------------------------

  private Reply videos(Call c) throws ApiError {
    String filter = Api.oneFilter(c, "chart", "id", "myRating");
    Views views = Views.of(c);
    List<ObjectNode> videos;
    switch (filter) {
      case "id" -> {
        videos = byIds(c, Kinds.VIDEO, c.list("id"));
        videos.addAll(c.backend.liveChats.broadcastVideos(c.list("id"), videos));
        videos.removeIf(v -> !views.visible(v));
        return all(c, videos, views::video);
      }
      case "myRating" -> {
        String me = c.requireUser("myRating").channelId();
        String wanted = c.param("myRating");
        videos = new ArrayList<>();
        for (ObjectNode rating : c.store.all(Kinds.RATING)) {
          if (me.equals(rating.path("channelId").asText())
              && wanted.equals(rating.path("rating").asText())) {
            ObjectNode video = c.store.get(Kinds.VIDEO, rating.path("videoId").asText());
            if (video != null && views.visible(video)) {
              videos.add(video);
            }
          }
        }
      }
      default -> {
        if (!"mostPopular".equals(c.param("chart"))) {
          throw ApiError.invalidParameter("chart", "Invalid value for chart: " + c.param("chart"));
        }
        String category = c.param("videoCategoryId");
        videos =
            c.store.find(
                Kinds.VIDEO,
                v ->
                    Views.privacy(v).equals("public")
                        && (category == null
                            || category.equals("0")
                            || category.equals(str(v, "snippet.categoryId"))));
        videos.sort(
            Comparator.comparingLong(
                    (ObjectNode v) -> v.path("statistics").path("viewCount").asLong())
                .reversed());
      }
    }
    return Api.list(c, videos, views::video);
  }

  private Reply getRating(Call c) throws ApiError {
    String me = c.requireUser(null).channelId();
    ArrayNode items = Jsons.array();
    for (String id : c.list("id")) {
      ObjectNode rating = c.store.get(Kinds.RATING, me + ":" + id);
      items.add(
          of("videoId", id, "rating", rating == null ? "none" : rating.path("rating").asText()));
    }
    return Api.conditional(
        c.ex, Api.withEtag(of("kind", "youtube#videoGetRatingResponse", "items", items)));
  }

  private Reply batchGetStats(Call c) throws ApiError {
    Views views = Views.of(c);
    Set<String> parts = c.parts();
    ArrayNode items = Jsons.array();
    for (ObjectNode stored : byIds(c, Kinds.VIDEO, c.list("id"))) {
      if (!views.visible(stored)) {
        continue;
      }
      ObjectNode video = views.video(stored);
      ObjectNode stat =
          of(
              "kind", "youtube#videoStats",
              "id", video.path("id").asText(),
              "snippet", of("publishTime", str(video, "snippet.publishedAt")),
              "contentDetails", of("duration", str(video, "contentDetails.duration")),
              "statistics",
                  of(
                      "viewCount", str(video, "statistics.viewCount"),
                      "likeCount", str(video, "statistics.likeCount"),
                      "commentCount", str(video, "statistics.commentCount")));
      items.add(Api.project(stat, parts));
    }
    return Api.conditional(
        c.ex, Api.withEtag(of("kind", "youtube#batchGetStatsResponse", "items", items)));
  }

  // ---- search ----------------------------------------------------------------------------------

  /** How many results of one query YouTube pages through before it stops. */
  static final int SEARCH_PAGEABLE = 500;

  private static final List<String> VIDEO_ONLY_FILTERS =
      List.of(
          "eventType",
          "forContentOwner",
          "forDeveloper",
          "forMine",
          "videoCaption",
          "videoCategoryId",
          "videoDefinition",
          "videoDimension",
          "videoDuration",
          "videoEmbeddable",
          "videoLicense",
          "videoPaidProductPlacement",
          "videoSyndicated",
          "videoType");

  private Reply search(Call c) throws ApiError {
    List<String> types = c.list("type");
    if (types.isEmpty()) {
      types = List.of("video", "channel", "playlist");
    }
    for (String type : types) {
      if (!List.of("video", "channel", "playlist").contains(type)) {
        throw ApiError.invalidParameter("type", "Invalid value for type: " + type);
      }
    }
    for (String filter : VIDEO_ONLY_FILTERS) {
      if (c.has(filter) && !(types.size() == 1 && types.get(0).equals("video"))) {
        throw ApiError.badRequest(
            "invalidSearchFilter",
            "youtube.search",
            "The request contains an invalid combination of search filters and/or restrictions."
                + " Note that you must set the <code>type</code> parameter to <code>video</code> if"
                + " you set a value for the <code>"
                + filter
                + "</code> parameter.");
      }
    }
    Views views = Views.of(c);
    boolean forMine = c.flag("forMine");
    String me = forMine ? c.requireUser("forMine").channelId() : null;
    String channelId = c.param("channelId");
    List<String> terms = new ArrayList<>();
    String q = c.param("q");
    if (q != null) {
      for (String term : q.toLowerCase(Locale.ROOT).split("\\s+")) {
        if (!term.isBlank()) {
          terms.add(term);
        }
      }
    }
    List<ObjectNode> candidates = new ArrayList<>();
    if (types.contains("video")) {
      for (ObjectNode video : c.store.all(Kinds.VIDEO)) {
        boolean ok =
            forMine
                ? me.equals(str(video, "snippet.channelId"))
                : views.listed(video) && Views.privacy(video).equals("public");
        if (ok && videoFilters(c, video)) {
          candidates.add(video);
        }
      }
    }
    if (types.contains("channel")) {
      candidates.addAll(c.store.all(Kinds.CHANNEL));
    }
    if (types.contains("playlist")) {
      for (ObjectNode playlist : c.store.all(Kinds.PLAYLIST)) {
        if (Views.privacy(playlist).equals("public")) {
          candidates.add(playlist);
        }
      }
    }
    Instant after = c.param("publishedAfter") == null ? null : time(c.param("publishedAfter"));
    Instant before = c.param("publishedBefore") == null ? null : time(c.param("publishedBefore"));
    List<ObjectNode> matches = new ArrayList<>();
    for (ObjectNode node : candidates) {
      String kind = node.path("kind").asText();
      String owner =
          kind.equals(Kinds.CHANNEL) ? node.path("id").asText() : str(node, "snippet.channelId");
      if (channelId != null && !channelId.equals(owner)) {
        continue;
      }
      Instant at = time(str(node, "snippet.publishedAt"));
      if ((after != null && at.isBefore(after)) || (before != null && !at.isBefore(before))) {
        continue;
      }
      String text =
          (str(node, "snippet.title")
                  + " "
                  + str(node, "snippet.description")
                  + " "
                  + Jsons.at(node, "snippet.tags"))
              .toLowerCase(Locale.ROOT);
      if (terms.stream().allMatch(text::contains)) {
        matches.add(node);
      }
    }
    String order = c.param("order") == null ? "relevance" : c.param("order");
    switch (order) {
      case "date" -> matches.sort(newestFirst("snippet.publishedAt"));
      case "title" ->
          matches.sort(
              Comparator.comparing(
                  n -> String.valueOf(str(n, "snippet.title")).toLowerCase(Locale.ROOT)));
      case "viewCount" ->
          matches.sort(
              Comparator.comparingLong(
                      (ObjectNode n) -> n.path("statistics").path("viewCount").asLong())
                  .reversed());
      case "rating" ->
          matches.sort(
              Comparator.comparingLong(
                      (ObjectNode n) -> n.path("statistics").path("likeCount").asLong())
                  .reversed());
      default -> {
        if (!terms.isEmpty()) {
          matches.sort(
              Comparator.comparingInt(
                      (ObjectNode n) -> {
                        String title =
                            String.valueOf(str(n, "snippet.title")).toLowerCase(Locale.ROOT);
                        return (int) terms.stream().filter(title::contains).count();
                      })
                  .reversed());
        }
      }
    }
    // As YouTube does: the count tells every match, the pages stop after about 500.
    List<ObjectNode> results = new ArrayList<>();
    for (ObjectNode node : matches.subList(0, Math.min(matches.size(), SEARCH_PAGEABLE))) {
      results.add(searchResult(node));
    }
    String region = c.param("regionCode") == null ? "US" : c.param("regionCode");
    return Api.list(c, results, null, of("regionCode", region), matches.size());
  }

  private static boolean videoFilters(Call c, ObjectNode video) {
    String category = c.param("videoCategoryId");
    if (category != null && !category.equals(str(video, "snippet.categoryId"))) {
      return false;
    }
    String definition = c.param("videoDefinition");
    if (definition != null && !definition.equals("any")) {
      String actual = "hd".equals(str(video, "contentDetails.definition")) ? "high" : "standard";
      if (!definition.equals(actual)) {
        return false;
      }
    }
    String caption = c.param("videoCaption");
    if (caption != null && (caption.equals("closedCaption") || caption.equals("none"))) {
      boolean has = "true".equals(str(video, "contentDetails.caption"));
      if (has != caption.equals("closedCaption")) {
        return false;
      }
    }
    String duration = c.param("videoDuration");
    if (duration != null && List.of("short", "medium", "long").contains(duration)) {
      long seconds = seconds(str(video, "contentDetails.duration"));
      String actual = seconds < 240 ? "short" : seconds <= 1200 ? "medium" : "long";
      if (!duration.equals(actual)) {
        return false;
      }
    }
    String event = c.param("eventType");
    return event == null || event.equals("none");
  }

  private static long seconds(String isoDuration) {
    try {
      return Duration.parse(isoDuration).toSeconds();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static ObjectNode searchResult(ObjectNode node) {
    String kind = node.path("kind").asText();
    String id = node.path("id").asText();
    ObjectNode resourceId = of("kind", kind);
    String channelId;
    String channelTitle;
    switch (kind) {
      case Kinds.VIDEO -> {
        resourceId.put("videoId", id);
        channelId = str(node, "snippet.channelId");
        channelTitle = str(node, "snippet.channelTitle");
      }
      case Kinds.PLAYLIST -> {
        resourceId.put("playlistId", id);
        channelId = str(node, "snippet.channelId");
        channelTitle = str(node, "snippet.channelTitle");
      }
      default -> {
        resourceId.put("channelId", id);
        channelId = id;
        channelTitle = str(node, "snippet.title");
      }
    }
    ObjectNode thumbnails = Jsons.object();
    ObjectNode all = (ObjectNode) Jsons.at(node, "snippet.thumbnails");
    if (all != null) {
      for (String size : List.of("default", "medium", "high")) {
        if (all.has(size)) {
          thumbnails.set(size, all.get(size));
        }
      }
    }
    String live = str(node, "snippet.liveBroadcastContent");
    return of(
        "kind",
        "youtube#searchResult",
        "id",
        resourceId,
        "snippet",
        of(
            "publishedAt",
            str(node, "snippet.publishedAt"),
            "channelId",
            channelId,
            "title",
            str(node, "snippet.title"),
            "description",
            str(node, "snippet.description"),
            "thumbnails",
            thumbnails,
            "channelTitle",
            channelTitle,
            "liveBroadcastContent",
            live == null ? "none" : live,
            "publishTime",
            str(node, "snippet.publishedAt")));
  }

  // ---- live ------------------------------------------------------------------------------------

  private Reply liveBroadcasts(Call c) throws ApiError {
    String filter = Api.oneFilter(c, "broadcastStatus", "id", "mine");
    String me = c.requireUser(filter).channelId();
    List<ObjectNode> broadcasts;
    if (filter.equals("id")) {
      broadcasts = byIds(c, Kinds.LIVE_BROADCAST, c.list("id"));
      broadcasts.removeIf(b -> !me.equals(str(b, "snippet.channelId")));
    } else {
      broadcasts = c.store.find(Kinds.LIVE_BROADCAST, channelIs(me));
      String status = c.param("broadcastStatus");
      if (status != null && !status.equals("all")) {
        broadcasts.removeIf(
            b -> {
              String life = String.valueOf(str(b, "status.lifeCycleStatus"));
              return switch (status) {
                case "active" -> !life.equals("live") && !life.equals("liveStarting");
                case "completed" -> !life.equals("complete");
                default -> !List.of("created", "ready", "testing", "testStarting").contains(life);
              };
            });
      }
    }
    return Api.list(c, broadcasts, null);
  }

  private Reply liveStreams(Call c) throws ApiError {
    String filter = Api.oneFilter(c, "id", "mine");
    String me = c.requireUser(filter).channelId();
    List<ObjectNode> streams =
        filter.equals("id")
            ? byIds(c, Kinds.LIVE_STREAM, c.list("id"))
            : c.store.find(Kinds.LIVE_STREAM, channelIs(me));
    streams.removeIf(s -> !me.equals(str(s, "snippet.channelId")));
    return Api.list(c, streams, null);
  }

  private static void requireChat(Call c, String liveChatId) throws ApiError {
    for (ObjectNode broadcast : c.store.all(Kinds.LIVE_BROADCAST)) {
      if (liveChatId.equals(str(broadcast, "snippet.liveChatId"))) {
        return;
      }
    }
    throw ApiError.notFound(
        "liveChatNotFound",
        "youtube.liveChat",
        "The live chat that you are trying to retrieve cannot be found.",
        "liveChatId");
  }

  private Reply liveChatModerators(Call c) throws ApiError {
    String chat = c.param("liveChatId");
    requireChat(c, chat);
    return Api.list(
        c,
        c.store.find(Kinds.LIVE_CHAT_MODERATOR, n -> chat.equals(str(n, "snippet.liveChatId"))),
        null);
  }
}
