package io.github.jyoutube.recipes;

import io.github.jyoutube.error.UnresolvedChannelException;
import io.github.jyoutube.error.UnresolvedChannelException.Reason;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a user pasted, read as a reference to a channel: no call is made here.
 *
 * @param kind what the text names
 * @param value the id, handle (with its {@code @}) or name it carries
 */
record ChannelReference(Kind kind, String value) {

  /** What the text names. */
  enum Kind {
    /** A channel id, {@code UC…}. */
    CHANNEL_ID,
    /** An uploads playlist ({@code UU…}); the value is its channel's id. */
    UPLOADS_PLAYLIST,
    /** A handle, {@code @name}. */
    HANDLE,
    /** A legacy username, from {@code /user/name}. */
    USERNAME,
    /** A custom name ({@code /c/name}, {@code youtube.com/name}, a bare word): a handle or not. */
    CUSTOM_NAME,
    /** A video, whose channel is its uploader. */
    VIDEO,
    /** A playlist, whose channel is its owner. */
    PLAYLIST
  }

  /** The longest text read: a URL longer than this is no link a user pasted. */
  static final int MAX_LENGTH = 2048;

  private static final Pattern CHANNEL_ID = Pattern.compile("UC[A-Za-z0-9_-]{22}");
  private static final Pattern VIDEO_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
  private static final Pattern PLAYLIST_ID = Pattern.compile("[A-Za-z0-9_-]{2,64}");
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._-]{1,100}");
  private static final Pattern BARE_WORD = Pattern.compile("[A-Za-z0-9._-]{3,30}");

  /** Playlists that belong to whoever is signed in, not to one channel. */
  private static final Set<String> PERSONAL_LISTS = Set.of("LL", "WL", "LM", "FL", "HL");

  /** Pages of YouTube that name no channel. */
  private static final Set<String> NOT_CHANNELS =
      Set.of(
          "results",
          "feed",
          "account",
          "premium",
          "gaming",
          "signin",
          "logout",
          "about",
          "t",
          "howyoutubeworks",
          "hashtag",
          "redirect");

  /**
   * Reads {@code input}.
   *
   * @throws UnresolvedChannelException with {@link Reason#UNRECOGNIZED} if it is no form of channel
   *     reference, or {@link Reason#NO_LOOKUP} if it names a personal list
   */
  static ChannelReference parse(String input) {
    if (input == null) {
      throw new UnresolvedChannelException("null", Reason.UNRECOGNIZED, "no text was given");
    }
    String text = input.strip();
    if (text.length() > MAX_LENGTH) {
      throw unrecognized(input.substring(0, 80) + "…", "longer than " + MAX_LENGTH + " characters");
    }
    if (text.startsWith("<") && text.endsWith(">")) {
      text = text.substring(1, text.length() - 1).strip();
    }
    if (text.isEmpty()) {
      throw unrecognized(input, "the text is empty");
    }
    if (CHANNEL_ID.matcher(text).matches()) {
      return new ChannelReference(Kind.CHANNEL_ID, text);
    }
    if (text.startsWith("@")) {
      return handle(input, text);
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://")
        || lower.startsWith("https://")
        || lower.startsWith("youtube.com/")
        || lower.startsWith("www.youtube.com/")
        || lower.startsWith("m.youtube.com/")
        || lower.startsWith("music.youtube.com/")
        || lower.startsWith("youtu.be/")) {
      return url(input, lower.startsWith("http") ? text : "https://" + text);
    }
    if (BARE_WORD.matcher(text).matches()) {
      return new ChannelReference(Kind.CUSTOM_NAME, text);
    }
    throw unrecognized(
        input,
        "not a channel id (UC…), a handle (@name), or a YouTube URL of a channel, video or"
            + " playlist");
  }

  private static ChannelReference handle(String input, String text) {
    String handle = decode(input, text);
    String name = handle.substring(1);
    if (!NAME.matcher(name).matches()) {
      throw unrecognized(input, "'" + handle + "' is not a handle");
    }
    return new ChannelReference(Kind.HANDLE, handle);
  }

  private static ChannelReference url(String input, String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw unrecognized(input, "not a valid URL: " + e.getReason());
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    for (String prefix : List.of("www.", "m.", "music.", "gaming.")) {
      if (host.startsWith(prefix)) {
        host = host.substring(prefix.length());
      }
    }
    List<String> path = segments(uri.getRawPath());
    String query = uri.getRawQuery();
    if (host.equals("youtu.be")) {
      if (!path.isEmpty()) {
        return video(input, path.get(0));
      }
      throw unrecognized(input, "a youtu.be link without a video id");
    }
    if (!host.equals("youtube.com") && !host.equals("youtube-nocookie.com")) {
      throw unrecognized(
          input, "not a YouTube URL (host " + (host.isEmpty() ? "missing" : host) + ")");
    }
    if (path.isEmpty()) {
      String list = parameter(query, "list");
      if (list != null) {
        return playlist(input, list);
      }
      throw unrecognized(input, "YouTube's home page names no channel");
    }
    String first = path.get(0);
    String second = path.size() > 1 ? path.get(1) : null;
    if (first.startsWith("@")) {
      return handle(input, first);
    }
    switch (first) {
      case "channel" -> {
        if (second != null && CHANNEL_ID.matcher(second).matches()) {
          return new ChannelReference(Kind.CHANNEL_ID, second);
        }
        throw unrecognized(
            input, "/channel/ is not followed by a channel id (UC and 22 characters)");
      }
      case "c" -> {
        return named(input, Kind.CUSTOM_NAME, second, "/c/");
      }
      case "user" -> {
        return named(input, Kind.USERNAME, second, "/user/");
      }
      case "watch" -> {
        String video = parameter(query, "v");
        if (video != null) {
          return video(input, video);
        }
        String list = parameter(query, "list");
        if (list != null) {
          return playlist(input, list);
        }
        throw unrecognized(input, "a watch URL without v=");
      }
      case "playlist" -> {
        String list = parameter(query, "list");
        if (list != null) {
          return playlist(input, list);
        }
        throw unrecognized(input, "a playlist URL without list=");
      }
      case "shorts", "live", "embed", "v", "e" -> {
        if (second == null) {
          throw unrecognized(input, "/" + first + "/ is not followed by a video id");
        }
        if (first.equals("embed") && second.equals("videoseries")) {
          String list = parameter(query, "list");
          if (list != null) {
            return playlist(input, list);
          }
        }
        return video(input, second);
      }
      default -> {
        if (NOT_CHANNELS.contains(first.toLowerCase(Locale.ROOT))) {
          throw unrecognized(input, "youtube.com/" + first + " names no channel");
        }
        // youtube.com/name: an old vanity URL, a custom name.
        return named(input, Kind.CUSTOM_NAME, first, "youtube.com/");
      }
    }
  }

  private static ChannelReference named(String input, Kind kind, String raw, String where) {
    if (raw == null) {
      throw unrecognized(input, where + " is not followed by a name");
    }
    String name = decode(input, raw);
    if (!NAME.matcher(name).matches()) {
      throw unrecognized(input, "'" + name + "' after " + where + " is not a channel name");
    }
    return new ChannelReference(kind, name);
  }

  private static ChannelReference video(String input, String raw) {
    String id = decode(input, raw);
    if (!VIDEO_ID.matcher(id).matches()) {
      throw unrecognized(input, "'" + id + "' is not a video id (11 characters)");
    }
    return new ChannelReference(Kind.VIDEO, id);
  }

  private static ChannelReference playlist(String input, String raw) {
    String id = decode(input, raw);
    if (!PLAYLIST_ID.matcher(id).matches()) {
      throw unrecognized(input, "'" + id + "' is not a playlist id");
    }
    if (PERSONAL_LISTS.contains(id)) {
      throw new UnresolvedChannelException(
          input, Reason.NO_LOOKUP, "playlist " + id + " belongs to whoever is signed in");
    }
    // Uploads playlists: UU, or UULF, UUSH, UULV… (long videos, shorts, live), then the
    // channel id's last 22 characters.
    if (id.startsWith("UU") && id.length() == 24) {
      return new ChannelReference(Kind.UPLOADS_PLAYLIST, "UC" + id.substring(2));
    }
    if (id.startsWith("UU") && id.length() == 26) {
      return new ChannelReference(Kind.UPLOADS_PLAYLIST, "UC" + id.substring(4));
    }
    return new ChannelReference(Kind.PLAYLIST, id);
  }

  private static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>();
    if (rawPath != null) {
      for (String segment : rawPath.split("/")) {
        if (!segment.isEmpty()) {
          segments.add(segment);
        }
      }
    }
    return segments;
  }

  private static String parameter(String rawQuery, String name) {
    if (rawQuery == null) {
      return null;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name) && eq < pair.length() - 1) {
        return pair.substring(eq + 1);
      }
    }
    return null;
  }

  private static String decode(String input, String raw) {
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw unrecognized(input, "bad percent-encoding in '" + raw + "'");
    }
  }

  private static UnresolvedChannelException unrecognized(String input, String why) {
    return new UnresolvedChannelException(input, Reason.UNRECOGNIZED, why);
  }
}
