package io.github.jyoutube.bench;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * Canned answers shaped like the Data API's: a {@code playlists.list} page of 25 playlists, the 200
 * pages of 50 items of a 10,000-item playlist, and a {@code videos.list} page of 50 videos with
 * every part. Compact JSON, as Google sends it, deterministic (seeded), with the fields and text
 * lengths of real answers.
 */
public final class Fixtures {

  /** The playlist whose items {@link #playlistItemsPage} serves. */
  public static final String PLAYLIST_ID = "PLBaidt0ilCManGDIKr8UVBFZwN_UvMKvS";

  /** The items in that playlist. */
  public static final int PLAYLIST_ITEMS = 10_000;

  /** Items per {@code playlistItems} page. */
  public static final int ITEMS_PER_PAGE = 50;

  /** Playlists per {@code playlists} page. */
  public static final int PLAYLISTS_PER_PAGE = 25;

  private static final String CHANNEL_ID = "UCa-vrCLQHviTOVnEKDOdetQ";
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  private static final String[] WORDS = {
    "the",
    "guide",
    "to",
    "java",
    "records",
    "live",
    "session",
    "tutorial",
    "music",
    "official",
    "video",
    "episode",
    "part",
    "review",
    "how",
    "build",
    "a",
    "fast",
    "client",
    "with",
    "jazz",
    "night",
    "road",
    "trip",
    "and",
    "more",
    "of",
    "in",
    "for",
    "this",
    "week",
    "best",
    "moments"
  };

  private Fixtures() {}

  /** The {@code playlists.list} answer: 25 playlists with every part, about 22 KB. */
  public static String playlistsPage() {
    SplittableRandom random = new SplittableRandom(25);
    StringBuilder out = new StringBuilder(24_000);
    out.append("{\"kind\":\"youtube#playlistListResponse\",\"etag\":\"")
        .append(id(random, 27))
        .append("\",\"nextPageToken\":\"CBkQAA\",\"pageInfo\":{\"totalResults\":")
        .append(120)
        .append(",\"resultsPerPage\":")
        .append(PLAYLISTS_PER_PAGE)
        .append("},\"items\":[");
    for (int i = 0; i < PLAYLISTS_PER_PAGE; i++) {
      if (i > 0) {
        out.append(',');
      }
      String playlistId = "PL" + id(random, 32);
      String videoId = id(random, 11);
      String title = words(random, 3 + random.nextInt(4));
      out.append("{\"kind\":\"youtube#playlist\",\"etag\":\"")
          .append(id(random, 27))
          .append("\",\"id\":\"")
          .append(playlistId)
          .append("\",\"snippet\":{\"publishedAt\":\"")
          .append(date(random))
          .append("\",\"channelId\":\"")
          .append(CHANNEL_ID)
          .append("\",\"title\":\"")
          .append(title)
          .append("\",\"description\":\"")
          .append(words(random, random.nextInt(3)))
          .append("\",\"thumbnails\":");
      thumbnails(out, videoId, 3);
      out.append(",\"channelTitle\":\"ikaros\",\"localized\":{\"title\":\"")
          .append(title)
          .append("\",\"description\":\"\"}},\"status\":{\"privacyStatus\":\"public\"},")
          .append("\"contentDetails\":{\"itemCount\":")
          .append(1 + random.nextInt(500))
          .append("},\"player\":{\"embedHtml\":\"")
          .append("\\u003ciframe width=\\\"640\\\" height=\\\"360\\\" ")
          .append("src=\\\"http://www.youtube.com/embed/videoseries?list=")
          .append(playlistId)
          .append("\\\" frameborder=\\\"0\\\" allowfullscreen\\u003e\\u003c/iframe\\u003e\"}}");
    }
    return out.append("]}").toString();
  }

  /** The page token of page {@code index} (from 0); page 0 has none. */
  public static String pageToken(int index) {
    return index == 0
        ? null
        : "EAAa"
            + Base64.getUrlEncoder().withoutPadding().encodeToString(("PT:" + index).getBytes());
  }

  /** The page index of a token from {@link #pageToken}, or -1. */
  public static int pageIndex(String token) {
    if (token == null || token.isEmpty()) {
      return 0;
    }
    try {
      String text =
          new String(Base64.getUrlDecoder().decode(token.substring(4)), StandardCharsets.UTF_8);
      return text.startsWith("PT:") ? Integer.parseInt(text.substring(3)) : -1;
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  /** The number of {@code playlistItems} pages. */
  public static int playlistItemsPages() {
    return PLAYLIST_ITEMS / ITEMS_PER_PAGE;
  }

  /** Page {@code index} (from 0) of the playlist's items: 50 items, about 52 KB. */
  public static String playlistItemsPage(int index) {
    SplittableRandom random = new SplittableRandom(1000 + index);
    int pages = playlistItemsPages();
    StringBuilder out = new StringBuilder(56_000);
    out.append("{\"kind\":\"youtube#playlistItemListResponse\",\"etag\":\"")
        .append(id(random, 27))
        .append('"');
    if (index + 1 < pages) {
      out.append(",\"nextPageToken\":\"").append(pageToken(index + 1)).append('"');
    }
    if (index > 0) {
      out.append(",\"prevPageToken\":\"").append(pageToken(index - 1)).append('"');
    }
    out.append(",\"items\":[");
    for (int i = 0; i < ITEMS_PER_PAGE; i++) {
      int position = index * ITEMS_PER_PAGE + i;
      if (i > 0) {
        out.append(',');
      }
      String videoId = id(random, 11);
      String published = date(random);
      out.append("{\"kind\":\"youtube#playlistItem\",\"etag\":\"")
          .append(id(random, 27))
          .append("\",\"id\":\"")
          .append(id(random, 64))
          .append("\",\"snippet\":{\"publishedAt\":\"")
          .append(published)
          .append("\",\"channelId\":\"")
          .append(CHANNEL_ID)
          .append("\",\"title\":\"")
          .append(words(random, 4 + random.nextInt(6)))
          .append("\",\"description\":\"")
          .append(words(random, 10 + random.nextInt(12)))
          .append("\",\"thumbnails\":");
      thumbnails(out, videoId, 3);
      out.append(",\"channelTitle\":\"ikaros\",\"playlistId\":\"")
          .append(PLAYLIST_ID)
          .append("\",\"position\":")
          .append(position)
          .append(",\"resourceId\":{\"kind\":\"youtube#video\",\"videoId\":\"")
          .append(videoId)
          .append("\"},\"videoOwnerChannelTitle\":\"")
          .append(words(random, 2))
          .append("\",\"videoOwnerChannelId\":\"UC")
          .append(id(random, 22))
          .append("\"},\"contentDetails\":{\"videoId\":\"")
          .append(videoId)
          .append("\",\"videoPublishedAt\":\"")
          .append(date(random))
          .append("\"},\"status\":{\"privacyStatus\":\"public\"}}");
    }
    out.append("],\"pageInfo\":{\"totalResults\":")
        .append(PLAYLIST_ITEMS)
        .append(",\"resultsPerPage\":")
        .append(ITEMS_PER_PAGE)
        .append("}}");
    return out.toString();
  }

  /** A {@code videos.list} answer of {@code count} videos with every part a caller may read. */
  public static String videoListResponse(int count) {
    SplittableRandom random = new SplittableRandom(50);
    StringBuilder out = new StringBuilder(count * 3_000);
    out.append("{\"kind\":\"youtube#videoListResponse\",\"etag\":\"")
        .append(id(random, 27))
        .append("\",\"nextPageToken\":\"CDIQAA\",\"items\":[");
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        out.append(',');
      }
      String videoId = id(random, 11);
      String title = words(random, 4 + random.nextInt(6));
      String description = words(random, 20 + random.nextInt(40));
      out.append("{\"kind\":\"youtube#video\",\"etag\":\"")
          .append(id(random, 27))
          .append("\",\"id\":\"")
          .append(videoId)
          .append("\",\"snippet\":{\"publishedAt\":\"")
          .append(date(random))
          .append("\",\"channelId\":\"UC")
          .append(id(random, 22))
          .append("\",\"title\":\"")
          .append(title)
          .append("\",\"description\":\"")
          .append(description)
          .append("\",\"thumbnails\":");
      thumbnails(out, videoId, 5);
      out.append(",\"channelTitle\":\"")
          .append(words(random, 2))
          .append("\",\"tags\":[\"")
          .append(words(random, 1))
          .append("\",\"")
          .append(words(random, 2))
          .append("\",\"")
          .append(words(random, 3))
          .append("\"],\"categoryId\":\"10\",\"liveBroadcastContent\":\"none\",")
          .append("\"defaultLanguage\":\"en\",\"localized\":{\"title\":\"")
          .append(title)
          .append("\",\"description\":\"")
          .append(description)
          .append("\"},\"defaultAudioLanguage\":\"en\"},")
          .append("\"contentDetails\":{\"duration\":\"PT")
          .append(1 + random.nextInt(59))
          .append("M")
          .append(random.nextInt(60))
          .append("S\",\"dimension\":\"2d\",\"definition\":\"hd\",\"caption\":\"false\",")
          .append("\"licensedContent\":true,\"contentRating\":{},\"projection\":\"rectangular\"},")
          .append("\"status\":{\"uploadStatus\":\"processed\",\"privacyStatus\":\"public\",")
          .append("\"license\":\"youtube\",\"embeddable\":true,\"publicStatsViewable\":true,")
          .append("\"madeForKids\":false},\"statistics\":{\"viewCount\":\"")
          .append(random.nextLong(1L << 32))
          .append("\",\"likeCount\":\"")
          .append(random.nextInt(1 << 24))
          .append("\",\"favoriteCount\":\"0\",\"commentCount\":\"")
          .append(random.nextInt(1 << 20))
          .append("\"},\"player\":{\"embedHtml\":\"\\u003ciframe width=\\\"480\\\" ")
          .append("height=\\\"270\\\" src=\\\"//www.youtube.com/embed/")
          .append(videoId)
          .append("\\\" frameborder=\\\"0\\\" allowfullscreen\\u003e\\u003c/iframe\\u003e\"},")
          .append("\"topicDetails\":{\"topicCategories\":[")
          .append(
              "\"https://en.wikipedia.org/wiki/Music\",\"https://en.wikipedia.org/wiki/Pop_music\"]},")
          .append("\"recordingDetails\":{\"recordingDate\":\"")
          .append(date(random))
          .append("\"},\"liveStreamingDetails\":{\"actualStartTime\":\"")
          .append(date(random))
          .append("\",\"actualEndTime\":\"")
          .append(date(random))
          .append("\"},\"localizations\":{\"en\":{\"title\":\"")
          .append(title)
          .append("\",\"description\":\"")
          .append(description)
          .append("\"}}}");
    }
    out.append("],\"pageInfo\":{\"totalResults\":1000000,\"resultsPerPage\":")
        .append(count)
        .append("}}");
    return out.toString();
  }

  private static void thumbnails(StringBuilder out, String videoId, int sizes) {
    String[][] all = {
      {"default", "default", "120", "90"},
      {"medium", "mqdefault", "320", "180"},
      {"high", "hqdefault", "480", "360"},
      {"standard", "sddefault", "640", "480"},
      {"maxres", "maxresdefault", "1280", "720"}
    };
    out.append('{');
    for (int i = 0; i < sizes; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append('"')
          .append(all[i][0])
          .append("\":{\"url\":\"https://i.ytimg.com/vi/")
          .append(videoId)
          .append('/')
          .append(all[i][1])
          .append(".jpg\",\"width\":")
          .append(all[i][2])
          .append(",\"height\":")
          .append(all[i][3])
          .append('}');
    }
    out.append('}');
  }

  private static String id(SplittableRandom random, int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return new String(chars);
  }

  private static String words(SplittableRandom random, int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return out.toString();
  }

  private static String date(SplittableRandom random) {
    return String.format(
        "20%02d-%02d-%02dT%02d:%02d:%02dZ",
        10 + random.nextInt(16),
        1 + random.nextInt(12),
        1 + random.nextInt(28),
        random.nextInt(24),
        random.nextInt(60),
        random.nextInt(60));
  }
}
