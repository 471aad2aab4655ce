package io.github.jyoutube.emulator;

import static io.github.jyoutube.emulator.Jsons.of;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The seeded dataset: two accounts with channels (Alice and Bob) and a third public channel, with
 * playlists, playlist items, videos, comment threads with replies, subscriptions, captions with
 * their text, channel sections, live broadcasts, streams and chat; video categories, languages,
 * regions and abuse report reasons.
 */
final class Seed {

  /** The public channel that no seeded account owns. */
  static final String NEWS_CHANNEL = "UCnews0emulator0channel0";

  /** The channel that owns video categories, as on YouTube. */
  static final String YOUTUBE_CHANNEL = "UCBR8-60-B28hp2BmDPdntcQ";

  private static final Instant EPOCH = Instant.parse("2024-01-15T10:00:00Z");

  private final Store store;

  private Seed(Store store) {
    this.store = store;
  }

  static void into(Store store) {
    store.batch(() -> new Seed(store).all());
  }

  private void all() {
    channel(
        Account.ALICE.channelId(),
        "Alice Example",
        "Alice's channel: tutorials, travel and music, all made up for the jyoutube emulator.",
        Account.ALICE.handle(),
        "US",
        "1200",
        "150000");
    channel(
        Account.BOB.channelId(),
        "Bob Example",
        "Bob reviews gadgets that do not exist.",
        Account.BOB.handle(),
        "GB",
        "340",
        "42000");
    channel(
        NEWS_CHANNEL,
        "Emulator News",
        "Daily news from nowhere. A public channel no seeded account owns.",
        "@emulatornews",
        "FR",
        "98000",
        "5400000");

    String[][] aliceVideos = {
      {"How to bake sourdough bread", "27", "PT12M31S", "public", "baking,bread,tutorial"},
      {"Road trip across Iceland", "19", "PT8M02S", "public", "travel,iceland"},
      {"Piano cover: Clair de Lune", "10", "PT5M14S", "public", "music,piano"},
      {"Java records in five minutes", "28", "PT5M00S", "public", "java,programming"},
      {"Morning routine vlog", "22", "PT9M45S", "public", "vlog"},
      {"Learning to juggle", "26", "PT3M30S", "public", "juggling,howto"},
      {"Sunset timelapse", "1", "PT1M12S", "public", "timelapse"},
      {"Guitar basics, lesson 1", "10", "PT14M08S", "public", "music,guitar,tutorial"},
      {"Cat vs. laser pointer", "15", "PT0M58S", "public", "cats,funny"},
      {"Q&A: your questions answered", "22", "PT21M40S", "public", "qna"},
      {"Unlisted: draft cut of the trip", "19", "PT7M55S", "unlisted", "travel"},
      {"Private: family dinner", "22", "PT30M00S", "private", "family"},
    };
    List<String> alice = new ArrayList<>();
    for (int i = 0; i < aliceVideos.length; i++) {
      String id = String.format("aliceVid%03d", i + 1);
      alice.add(id);
      String[] v = aliceVideos[i];
      video(id, Account.ALICE.channelId(), "Alice Example", v[0], v[1], v[2], v[3], v[4], i, true);
    }
    String[][] bobVideos = {
      {"Unboxing the imaginary phone", "28", "PT10M10S", "public", "unboxing,review"},
      {"Top 5 gadgets of the year", "28", "PT15M00S", "public", "review,top5"},
      {"Bob tries sourdough", "26", "PT6M20S", "public", "baking,bread"},
    };
    List<String> bob = new ArrayList<>();
    for (int i = 0; i < bobVideos.length; i++) {
      String id = String.format("bobVideo%03d", i + 1);
      bob.add(id);
      String[] v = bobVideos[i];
      video(id, Account.BOB.channelId(), "Bob Example", v[0], v[1], v[2], v[3], v[4], i, false);
    }
    video(
        "newsVideo01",
        NEWS_CHANNEL,
        "Emulator News",
        "Morning headlines",
        "25",
        "PT4M00S",
        "public",
        "news",
        0,
        false);
    video(
        "newsVideo02",
        NEWS_CHANNEL,
        "Emulator News",
        "Weather: sourdough season ahead",
        "25",
        "PT2M30S",
        "public",
        "news,weather",
        1,
        false);

    String aliceChannel = Account.ALICE.channelId();
    String favourites =
        playlist(
            aliceChannel, "Alice Example", 1, "Favourites", "The best of the channel", "public");
    playlist(aliceChannel, "Alice Example", 2, "Road trip", "Everything from the trip", "public");
    playlist(aliceChannel, "Alice Example", 3, "Private notes", "Only for me", "private");
    String music =
        playlist(aliceChannel, "Alice Example", 4, "Music", "Covers and lessons", "public");
    playlist(aliceChannel, "Alice Example", 5, "Tutorials", "Learn something", "public");
    playlist(aliceChannel, "Alice Example", 6, "Watch later picks", "", "unlisted");
    playlist(aliceChannel, "Alice Example", 7, "Empty list", "Nothing here yet", "public");
    String bobMix =
        playlist(
            Account.BOB.channelId(), "Bob Example", 1, "Bob's mix", "Gadgets and bread", "public");
    playlist(Account.BOB.channelId(), "Bob Example", 2, "Bob private", "", "private");

    items(favourites, aliceChannel, "Alice Example", alice.get(0), alice.get(2), alice.get(3));
    items(music, aliceChannel, "Alice Example", alice.get(2), alice.get(7));
    items(bobMix, Account.BOB.channelId(), "Bob Example", bob.get(0), bob.get(1), alice.get(0));

    // Comments on Alice's first video, one thread on Bob's.
    String t1 =
        thread(
            alice.get(0),
            aliceChannel,
            Account.BOB,
            "Great recipe! My loaf came out perfect.",
            12,
            0);
    reply(t1, alice.get(0), aliceChannel, Account.ALICE, "Thank you Bob, glad it worked!", 3, 1);
    reply(t1, alice.get(0), aliceChannel, Account.BOB, "Next time I will try rye.", 1, 2);
    String t2 = thread(alice.get(0), aliceChannel, null, "How long do you proof the dough?", 4, 3);
    reply(t2, alice.get(0), aliceChannel, Account.ALICE, "About 12 hours in the fridge.", 2, 4);
    thread(
        alice.get(0),
        aliceChannel,
        Account.ALICE,
        "Pinned: the recipe is in the description.",
        30,
        5);
    thread(bob.get(0), Account.BOB.channelId(), Account.ALICE, "Where can I buy one?", 5, 6);

    subscription(Account.ALICE, Account.BOB.channelId(), "Bob Example", 0);
    subscription(Account.ALICE, NEWS_CHANNEL, "Emulator News", 1);
    subscription(Account.BOB, aliceChannel, "Alice Example", 2);

    caption(
        alice.get(0),
        "en",
        "English",
        "application/x-subrip",
        "1\n00:00:00,000 --> 00:00:04,000\nWelcome back to the kitchen.\n\n"
            + "2\n00:00:04,000 --> 00:00:09,500\nToday we bake sourdough bread.\n");
    caption(
        alice.get(0),
        "fr",
        "Français",
        "application/x-subrip",
        "1\n00:00:00,000 --> 00:00:04,000\nBon retour dans la cuisine.\n\n"
            + "2\n00:00:04,000 --> 00:00:09,500\nAujourd'hui, on fait du pain au levain.\n");
    caption(
        bob.get(0),
        "en",
        "English",
        "application/x-subrip",
        "1\n00:00:00,000 --> 00:00:03,000\nLet's open the box.\n");

    section(aliceChannel, 0, "recentUploads", null, null);
    section(aliceChannel, 1, "singlePlaylist", null, favourites);
    section(aliceChannel, 2, "multiplePlaylists", "Playlists", music);
    section(Account.BOB.channelId(), 0, "recentUploads", null, null);

    live();
    categories();
    languagesAndRegions();
    abuseReasons();
    store.put(Kinds.META, of("id", "seed", "seededAt", Jsons.time(Instant.now())));
  }

  // ---- Channels and videos -------------------------------------------------------------------

  static ObjectNode thumbnails(String base) {
    return of(
        "default", of("url", base + "/default.jpg", "width", 120, "height", 90),
        "medium", of("url", base + "/mqdefault.jpg", "width", 320, "height", 180),
        "high", of("url", base + "/hqdefault.jpg", "width", 480, "height", 360),
        "standard", of("url", base + "/sddefault.jpg", "width", 640, "height", 480),
        "maxres", of("url", base + "/maxresdefault.jpg", "width", 1280, "height", 720));
  }

  static ObjectNode videoThumbnails(String videoId) {
    return thumbnails("https://i.ytimg.com/vi/" + videoId);
  }

  static ObjectNode channelThumbnails(String handle) {
    String base = "https://yt3.ggpht.com/emulator/" + handle.substring(1);
    return of(
        "default", of("url", base + "=s88-c-k-c0x00ffffff-no-rj", "width", 88, "height", 88),
        "medium", of("url", base + "=s240-c-k-c0x00ffffff-no-rj", "width", 240, "height", 240),
        "high", of("url", base + "=s800-c-k-c0x00ffffff-no-rj", "width", 800, "height", 800));
  }

  private void channel(
      String id,
      String title,
      String description,
      String handle,
      String country,
      String subscribers,
      String views) {
    String published = Jsons.time(EPOCH.minus(Duration.ofDays(900)));
    ObjectNode channel =
        of(
            "kind",
            Kinds.CHANNEL,
            "id",
            id,
            "snippet",
            of(
                "title", title,
                "description", description,
                "customUrl", handle,
                "publishedAt", published,
                "thumbnails", channelThumbnails(handle),
                "localized", of("title", title, "description", description),
                "country", country),
            "contentDetails",
            of("relatedPlaylists", of("likes", "LL", "uploads", "UU" + id.substring(2))),
            "statistics",
            of(
                "viewCount",
                views,
                "subscriberCount",
                subscribers,
                "hiddenSubscriberCount",
                false,
                "videoCount",
                "0"),
            "status",
            channelStatus(),
            "brandingSettings",
            of(
                "channel",
                of(
                    "title", title,
                    "description", description,
                    "keywords", title.toLowerCase(java.util.Locale.ROOT),
                    "unsubscribedTrailer", "",
                    "country", country),
                "image",
                of(
                    "bannerExternalUrl",
                    "https://yt3.ggpht.com/emulator/banner" + handle.substring(1))),
            "topicDetails",
            of(
                "topicIds",
                Jsons.array().add("/m/04rlf"),
                "topicCategories",
                Jsons.array().add("https://en.wikipedia.org/wiki/Lifestyle_(sociology)")),
            "contentOwnerDetails",
            of());
    store.put(Kinds.CHANNEL, channel);
  }

  private void video(
      String id,
      String channelId,
      String channelTitle,
      String title,
      String categoryId,
      String duration,
      String privacy,
      String tags,
      int index,
      boolean hasCaptions) {
    Instant published = EPOCH.plus(Duration.ofDays(7L * index + channelId.length() % 3));
    String description = title + ". A video of the jyoutube emulator's seeded dataset.";
    ArrayNode tagList = Jsons.array();
    for (String tag : tags.split(",")) {
      tagList.add(tag);
    }
    long views = 1000L * (13 - index) + title.length() * 37L;
    ObjectNode video =
        of(
            "kind",
            Kinds.VIDEO,
            "id",
            id,
            "snippet",
            of(
                "publishedAt",
                Jsons.time(published),
                "channelId",
                channelId,
                "title",
                title,
                "description",
                description,
                "thumbnails",
                videoThumbnails(id),
                "channelTitle",
                channelTitle,
                "tags",
                tagList,
                "categoryId",
                categoryId,
                "liveBroadcastContent",
                "none",
                "defaultLanguage",
                "en",
                "localized",
                of("title", title, "description", description),
                "defaultAudioLanguage",
                "en"),
            "contentDetails",
            of(
                "duration",
                duration,
                "dimension",
                "2d",
                "definition",
                "hd",
                "caption",
                hasCaptions && index == 0 ? "true" : "false",
                "licensedContent",
                false,
                "contentRating",
                of(),
                "projection",
                "rectangular"),
            "status",
            videoStatus(privacy),
            "statistics",
            videoStatistics(views),
            "player",
            of("embedHtml", embed(id)),
            "topicDetails",
            of("topicCategories", Jsons.array().add("https://en.wikipedia.org/wiki/Hobby")),
            "recordingDetails",
            of(),
            "fileDetails",
            of(
                "fileName",
                id + ".mp4",
                "fileSize",
                String.valueOf(views * 1000),
                "fileType",
                "video",
                "container",
                "mov"),
            "processingDetails",
            of(
                "processingStatus", "succeeded",
                "fileDetailsAvailability", "available",
                "processingIssuesAvailability", "available",
                "tagSuggestionsAvailability", "available",
                "editorSuggestionsAvailability", "available",
                "thumbnailsAvailability", "available"));
    store.put(Kinds.VIDEO, video);
  }

  /** A channel's {@code status}, as for a public channel in good standing. */
  static ObjectNode channelStatus() {
    return of(
        "privacyStatus", "public",
        "isLinked", true,
        "longUploadsStatus", "longUploadsUnspecified",
        "madeForKids", false,
        "selfDeclaredMadeForKids", false);
  }

  /** A processed video's {@code status} with {@code privacy}. */
  static ObjectNode videoStatus(String privacy) {
    return of(
        "uploadStatus", "processed",
        "privacyStatus", privacy,
        "license", "youtube",
        "embeddable", true,
        "publicStatsViewable", true,
        "madeForKids", false,
        "selfDeclaredMadeForKids", false);
  }

  /** A video's {@code statistics} for {@code views} views: a like per 20 views. */
  static ObjectNode videoStatistics(long views) {
    return of(
        "viewCount",
        String.valueOf(views),
        "likeCount",
        String.valueOf(views / 20),
        "favoriteCount",
        "0",
        "commentCount",
        "0");
  }

  static String embed(String path) {
    return "<iframe width=\"480\" height=\"270\" src=\"//www.youtube.com/embed/"
        + path
        + "\" frameborder=\"0\" allow=\"accelerometer; autoplay; clipboard-write;"
        + " encrypted-media; gyroscope; picture-in-picture; web-share\""
        + " referrerpolicy=\"strict-origin-when-cross-origin\" allowfullscreen></iframe>";
  }

  // ---- Playlists ------------------------------------------------------------------------------

  private String playlist(
      String channelId,
      String channelTitle,
      int n,
      String title,
      String description,
      String privacy) {
    String id = "PL" + Ids.derived("playlist:" + channelId + ":" + n, 32);
    ObjectNode playlist =
        of(
            "kind",
            Kinds.PLAYLIST,
            "id",
            id,
            "snippet",
            of(
                "publishedAt", Jsons.time(EPOCH.plus(Duration.ofDays(n))),
                "channelId", channelId,
                "title", title,
                "description", description,
                "thumbnails", videoThumbnails("emulator-playlist-" + n),
                "channelTitle", channelTitle,
                "localized", of("title", title, "description", description)),
            "status",
            of("privacyStatus", privacy),
            "contentDetails",
            of("itemCount", 0),
            "player",
            of("embedHtml", embed("videoseries?list=" + id)));
    store.put(Kinds.PLAYLIST, playlist);
    return id;
  }

  private void items(String playlistId, String channelId, String channelTitle, String... videos) {
    for (int i = 0; i < videos.length; i++) {
      ObjectNode video = store.get(Kinds.VIDEO, videos[i]);
      store.put(
          Kinds.PLAYLIST_ITEM,
          playlistItem(
              "UE" + Ids.derived("item:" + playlistId + ":" + videos[i], 42),
              playlistId,
              channelId,
              channelTitle,
              video,
              i,
              EPOCH.plus(Duration.ofDays(60 + i))));
    }
  }

  /** A playlist item for {@code video} (all parts). */
  static ObjectNode playlistItem(
      String id,
      String playlistId,
      String channelId,
      String channelTitle,
      ObjectNode video,
      long position,
      Instant added) {
    return of(
        "kind",
        Kinds.PLAYLIST_ITEM,
        "id",
        id,
        "snippet",
        of(
            "publishedAt", Jsons.time(added),
            "channelId", channelId,
            "title", Jsons.str(video, "snippet.title"),
            "description", Jsons.str(video, "snippet.description"),
            "thumbnails", Jsons.at(video, "snippet.thumbnails").deepCopy(),
            "channelTitle", channelTitle,
            "playlistId", playlistId,
            "position", position,
            "resourceId", of("kind", Kinds.VIDEO, "videoId", video.path("id").asText()),
            "videoOwnerChannelTitle", Jsons.str(video, "snippet.channelTitle"),
            "videoOwnerChannelId", Jsons.str(video, "snippet.channelId")),
        "contentDetails",
        of(
            "videoId", video.path("id").asText(),
            "videoPublishedAt", Jsons.str(video, "snippet.publishedAt")),
        "status",
        of("privacyStatus", Jsons.str(video, "status.privacyStatus")));
  }

  // ---- Comments ----------------------------------------------------------------------------

  /** A comment (all of its snippet); {@code author} null means the public news channel. */
  static ObjectNode comment(
      String id,
      String videoId,
      String channelId,
      String authorChannelId,
      String authorName,
      String authorHandle,
      String text,
      long likes,
      Instant at,
      String parentId) {
    ObjectNode snippet =
        of(
            "channelId",
            channelId,
            "videoId",
            videoId,
            "textDisplay",
            Comments.html(text),
            "textOriginal",
            text,
            "parentId",
            parentId,
            "authorDisplayName",
            authorHandle,
            "authorProfileImageUrl",
            "https://yt3.ggpht.com/emulator/" + authorHandle.substring(1) + "=s48-c-k",
            "authorChannelUrl",
            "http://www.youtube.com/" + authorHandle,
            "authorChannelId",
            of("value", authorChannelId),
            "canRate",
            true,
            "viewerRating",
            "none",
            "likeCount",
            likes,
            "moderationStatus",
            "published",
            "publishedAt",
            Jsons.time(at),
            "updatedAt",
            Jsons.time(at));
    return of("kind", Kinds.COMMENT, "id", id, "snippet", snippet);
  }

  private String thread(
      String videoId, String channelId, Account author, String text, long likes, int n) {
    String id = "Ugz" + Ids.derived("thread:" + videoId + ":" + n, 23);
    Instant at = EPOCH.plus(Duration.ofDays(30).plusHours(n));
    String authorChannel = author == null ? NEWS_CHANNEL : author.channelId();
    String handle = author == null ? "@emulatornews" : author.handle();
    store.put(
        Kinds.COMMENT,
        comment(id, videoId, channelId, authorChannel, null, handle, text, likes, at, null));
    store.put(
        Kinds.COMMENT_THREAD,
        of(
            "kind",
            Kinds.COMMENT_THREAD,
            "id",
            id,
            "snippet",
            of(
                "channelId",
                channelId,
                "videoId",
                videoId,
                "canReply",
                true,
                "totalReplyCount",
                0,
                "isPublic",
                true)));
    return id;
  }

  private void reply(
      String threadId,
      String videoId,
      String channelId,
      Account author,
      String text,
      long likes,
      int n) {
    String id = threadId + "." + Ids.derived("reply:" + threadId + ":" + n, 22);
    Instant at = EPOCH.plus(Duration.ofDays(31).plusHours(n));
    store.put(
        Kinds.COMMENT,
        comment(
            id,
            videoId,
            channelId,
            author.channelId(),
            null,
            author.handle(),
            text,
            likes,
            at,
            threadId));
  }

  // ---- Subscriptions, captions, sections --------------------------------------------------

  private void subscription(Account subscriber, String channelId, String title, int n) {
    ObjectNode target = store.get(Kinds.CHANNEL, channelId);
    ObjectNode own = store.get(Kinds.CHANNEL, subscriber.channelId());
    store.put(
        Kinds.SUBSCRIPTION,
        subscriptionNode(
            Ids.derived("sub:" + subscriber.channelId() + ":" + channelId, 43),
            own,
            target,
            EPOCH.plus(Duration.ofDays(10 + n))));
  }

  static ObjectNode subscriptionNode(
      String id, ObjectNode subscriber, ObjectNode target, Instant at) {
    return of(
        "kind",
        Kinds.SUBSCRIPTION,
        "id",
        id,
        "snippet",
        of(
            "publishedAt", Jsons.time(at),
            "title", Jsons.str(target, "snippet.title"),
            "description", Jsons.str(target, "snippet.description"),
            "resourceId", of("kind", Kinds.CHANNEL, "channelId", target.path("id").asText()),
            "channelId", subscriber.path("id").asText(),
            "thumbnails", Jsons.at(target, "snippet.thumbnails").deepCopy()),
        "contentDetails",
        of("totalItemCount", 0, "newItemCount", 0, "activityType", "all"),
        "subscriberSnippet",
        of(
            "title", Jsons.str(subscriber, "snippet.title"),
            "description", Jsons.str(subscriber, "snippet.description"),
            "channelId", subscriber.path("id").asText(),
            "thumbnails", Jsons.at(subscriber, "snippet.thumbnails").deepCopy()));
  }

  private void caption(String videoId, String language, String name, String format, String text) {
    String id = "AUieDa" + Ids.derived("caption:" + videoId + ":" + language, 38);
    store.put(Kinds.CAPTION, captionNode(id, videoId, language, name, EPOCH, false));
    store.putMedia("caption:" + id, format, text.getBytes(StandardCharsets.UTF_8));
  }

  static ObjectNode captionNode(
      String id, String videoId, String language, String name, Instant updated, boolean draft) {
    return of(
        "kind",
        Kinds.CAPTION,
        "id",
        id,
        "snippet",
        of(
            "videoId",
            videoId,
            "lastUpdated",
            Jsons.time(updated),
            "trackKind",
            "standard",
            "language",
            language,
            "name",
            name,
            "audioTrackType",
            "unknown",
            "isCC",
            false,
            "isLarge",
            false,
            "isEasyReader",
            false,
            "isDraft",
            draft,
            "isAutoSynced",
            false,
            "status",
            "serving"));
  }

  private void section(String channelId, int position, String type, String title, String playlist) {
    ObjectNode snippet =
        of("type", type, "channelId", channelId, "title", title, "position", position);
    ObjectNode section =
        of(
            "kind",
            Kinds.CHANNEL_SECTION,
            "id",
            channelId + "." + Ids.derived("section:" + channelId + ":" + position, 11),
            "snippet",
            snippet);
    if (playlist != null) {
      section.set("contentDetails", of("playlists", Jsons.array().add(playlist)));
    }
    store.put(Kinds.CHANNEL_SECTION, section);
  }

  // ---- Live -----------------------------------------------------------------------------------

  private void live() {
    String channel = Account.ALICE.channelId();
    String broadcast = "aliceLive01";
    String stream = channel.substring(2) + Ids.derived("stream", 14);
    String chat = "Cg0KC2FsaWNlTGl2ZTAxKicKGFVDYWxpY2UwZW11bGF0b3IwY2hhbm5lbBILYWxpY2VMaXZlMDE";
    store.put(
        Kinds.LIVE_BROADCAST,
        of(
            "kind",
            Kinds.LIVE_BROADCAST,
            "id",
            broadcast,
            "snippet",
            of(
                "publishedAt",
                Jsons.time(EPOCH),
                "channelId",
                channel,
                "title",
                "Live baking session",
                "description",
                "Bake along with Alice.",
                "thumbnails",
                videoThumbnails(broadcast),
                "scheduledStartTime",
                Jsons.time(EPOCH.plus(Duration.ofDays(800))),
                "isDefaultBroadcast",
                false,
                "liveChatId",
                chat),
            "status",
            of(
                "lifeCycleStatus", "ready",
                "privacyStatus", "public",
                "recordingStatus", "notRecording",
                "madeForKids", false,
                "selfDeclaredMadeForKids", false),
            "contentDetails",
            of(
                "boundStreamId", stream,
                "enableEmbed", true,
                "enableDvr", true,
                "recordFromStart", true,
                "enableClosedCaptions", false,
                "enableLowLatency", false,
                "latencyPreference", "normal",
                "projection", "rectangular",
                "enableAutoStart", false,
                "enableAutoStop", true)));
    store.put(
        Kinds.LIVE_STREAM,
        of(
            "kind",
            Kinds.LIVE_STREAM,
            "id",
            stream,
            "snippet",
            of(
                "publishedAt",
                Jsons.time(EPOCH),
                "channelId",
                channel,
                "title",
                "Kitchen camera",
                "description",
                "",
                "isDefaultStream",
                false),
            "cdn",
            of(
                "ingestionType", "rtmp",
                "ingestionInfo",
                    of(
                        "streamName", "abcd-efgh-ijkl-mnop-qrst",
                        "ingestionAddress", "rtmp://a.rtmp.youtube.com/live2",
                        "backupIngestionAddress", "rtmp://b.rtmp.youtube.com/live2?backup=1"),
                "resolution", "1080p",
                "frameRate", "30fps"),
            "status",
            of("streamStatus", "ready", "healthStatus", of("status", "noData")),
            "contentDetails",
            of("isReusable", true)));
    String[][] messages = {
      {Account.BOB.channelId(), "Bob Example", "Hello from Bob!"},
      {Seed.NEWS_CHANNEL, "Emulator News", "What flour do you use?"},
    };
    for (int i = 0; i < messages.length; i++) {
      String text = messages[i][2];
      store.put(
          Kinds.LIVE_CHAT_MESSAGE,
          of(
              "kind",
              Kinds.LIVE_CHAT_MESSAGE,
              "id",
              "LCC." + Ids.derived("chat:" + i, 40),
              "snippet",
              of(
                  "type",
                  "textMessageEvent",
                  "liveChatId",
                  chat,
                  "authorChannelId",
                  messages[i][0],
                  "publishedAt",
                  Jsons.time(EPOCH.plus(Duration.ofMinutes(i))),
                  "hasDisplayContent",
                  true,
                  "displayMessage",
                  text,
                  "textMessageDetails",
                  of("messageText", text)),
              "authorDetails",
              of(
                  "channelId",
                  messages[i][0],
                  "channelUrl",
                  "http://www.youtube.com/channel/" + messages[i][0],
                  "displayName",
                  messages[i][1],
                  "profileImageUrl",
                  "https://yt3.ggpht.com/emulator/chat" + i,
                  "isVerified",
                  false,
                  "isChatOwner",
                  false,
                  "isChatSponsor",
                  false,
                  "isChatModerator",
                  false)));
    }
    store.put(
        Kinds.LIVE_CHAT_MODERATOR,
        of(
            "kind",
            Kinds.LIVE_CHAT_MODERATOR,
            "id",
            Ids.derived("moderator", 40),
            "snippet",
            of(
                "liveChatId",
                chat,
                "moderatorDetails",
                of(
                    "channelId",
                    Account.BOB.channelId(),
                    "channelUrl",
                    "http://www.youtube.com/channel/" + Account.BOB.channelId(),
                    "displayName",
                    "Bob Example",
                    "profileImageUrl",
                    "https://yt3.ggpht.com/emulator/bob"))));
    store.put(
        Kinds.SUPER_CHAT_EVENT,
        of(
            "kind",
            Kinds.SUPER_CHAT_EVENT,
            "id",
            Ids.derived("superchat", 30),
            "snippet",
            of(
                "channelId",
                channel,
                "supporterDetails",
                of(
                    "channelId",
                    Account.BOB.channelId(),
                    "channelUrl",
                    "http://www.youtube.com/channel/" + Account.BOB.channelId(),
                    "displayName",
                    "Bob Example",
                    "profileImageUrl",
                    "https://yt3.ggpht.com/emulator/bob"),
                "commentText",
                "Love the bread!",
                "createdAt",
                Jsons.time(EPOCH.plus(Duration.ofDays(2))),
                "amountMicros",
                "5000000",
                "currency",
                "USD",
                "displayString",
                "$5.00",
                "messageType",
                1,
                "isSuperStickerEvent",
                false)));
    String level = Ids.derived("level", 26);
    store.put(
        Kinds.MEMBERSHIPS_LEVEL,
        of(
            "kind",
            Kinds.MEMBERSHIPS_LEVEL,
            "id",
            level,
            "snippet",
            of("creatorChannelId", channel, "levelDetails", of("displayName", "Bread fan"))));
    store.put(
        Kinds.MEMBER,
        of(
            "kind",
            Kinds.MEMBER,
            "id",
            "member:" + Account.BOB.channelId(),
            "snippet",
            of(
                "creatorChannelId", channel,
                "memberDetails",
                    of(
                        "channelId",
                        Account.BOB.channelId(),
                        "channelUrl",
                        "http://www.youtube.com/channel/" + Account.BOB.channelId(),
                        "displayName",
                        "Bob Example",
                        "profileImageUrl",
                        "https://yt3.ggpht.com/emulator/bob"),
                "membershipsDetails",
                    of(
                        "highestAccessibleLevel", level,
                        "highestAccessibleLevelDisplayName", "Bread fan",
                        "accessibleLevels", Jsons.array().add(level),
                        "membershipsDuration",
                            of("memberSince", Jsons.time(EPOCH), "memberTotalDurationMonths", 6),
                        "membershipsDurationAtLevels",
                            Jsons.array()
                                .add(
                                    of(
                                        "level",
                                        level,
                                        "memberSince",
                                        Jsons.time(EPOCH),
                                        "memberTotalDurationMonths",
                                        6))))));
  }

  // ---- Reference data -----------------------------------------------------------------------

  private void categories() {
    String[][] categories = {
      {"1", "Film & Animation", "true"},
      {"2", "Autos & Vehicles", "true"},
      {"10", "Music", "true"},
      {"15", "Pets & Animals", "true"},
      {"17", "Sports", "true"},
      {"18", "Short Movies", "false"},
      {"19", "Travel & Events", "true"},
      {"20", "Gaming", "true"},
      {"22", "People & Blogs", "true"},
      {"23", "Comedy", "true"},
      {"24", "Entertainment", "true"},
      {"25", "News & Politics", "true"},
      {"26", "Howto & Style", "true"},
      {"27", "Education", "true"},
      {"28", "Science & Technology", "true"},
      {"29", "Nonprofits & Activism", "true"},
    };
    for (String[] c : categories) {
      store.put(
          Kinds.VIDEO_CATEGORY,
          of(
              "kind",
              Kinds.VIDEO_CATEGORY,
              "id",
              c[0],
              "snippet",
              of(
                  "title",
                  c[1],
                  "assignable",
                  Boolean.parseBoolean(c[2]),
                  "channelId",
                  YOUTUBE_CHANNEL)));
    }
  }

  private void languagesAndRegions() {
    String[][] languages = {
      {"af", "Afrikaans"},
      {"de", "German"},
      {"en", "English"},
      {"en-GB", "English (United Kingdom)"},
      {"es", "Spanish"},
      {"es-419", "Spanish (Latin America)"},
      {"fr", "French"},
      {"it", "Italian"},
      {"ja", "Japanese"},
      {"nl", "Dutch"},
      {"pt", "Portuguese (Brazil)"},
      {"pt-PT", "Portuguese (Portugal)"},
      {"zh-CN", "Chinese"},
    };
    for (String[] l : languages) {
      store.put(
          Kinds.I18N_LANGUAGE,
          of("kind", Kinds.I18N_LANGUAGE, "id", l[0], "snippet", of("hl", l[0], "name", l[1])));
    }
    String[][] regions = {
      {"BR", "Brazil"},
      {"CA", "Canada"},
      {"DE", "Germany"},
      {"ES", "Spain"},
      {"FR", "France"},
      {"GB", "United Kingdom"},
      {"IN", "India"},
      {"IT", "Italy"},
      {"JP", "Japan"},
      {"NL", "Netherlands"},
      {"US", "United States"},
    };
    for (String[] r : regions) {
      store.put(
          Kinds.I18N_REGION,
          of("kind", Kinds.I18N_REGION, "id", r[0], "snippet", of("gl", r[0], "name", r[1])));
    }
  }

  private void abuseReasons() {
    Object[][] reasons = {
      {"N", "Sex or nudity", new String[][] {{"32", "Graphic sexual activity"}, {"33", "Nudity"}}},
      {"V", "Violent or repulsive content", new String[][] {{"34", "Adults fighting"}}},
      {"H", "Hateful or abusive content", new String[][] {{"35", "Promotes hatred"}}},
      {"S", "Spam or misleading", new String[][] {{"27", "Mass advertising"}, {"28", "Scams"}}},
      {"C", "Child abuse", new String[][] {}},
    };
    for (Object[] r : reasons) {
      ArrayNode secondary = Jsons.array();
      for (String[] s : (String[][]) r[2]) {
        secondary.add(of("id", s[0], "label", s[1]));
      }
      store.put(
          Kinds.VIDEO_ABUSE_REPORT_REASON,
          of(
              "kind",
              Kinds.VIDEO_ABUSE_REPORT_REASON,
              "id",
              r[0],
              "snippet",
              of("label", r[1], "secondaryReasons", secondary)));
    }
  }
}
