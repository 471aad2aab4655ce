package io.github.jyoutube.emulator;

import static io.github.jyoutube.emulator.Jsons.of;
import static io.github.jyoutube.emulator.Jsons.str;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jyoutube.emulator.Exchange.Reply;
import io.github.jyoutube.model.Caption;
import io.github.jyoutube.model.Video;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Media: simple ({@code uploadType=media}), multipart and resumable uploads (sessions, chunks with
 * {@code Content-Range}, 308 with {@code Range}, status queries), videos.insert, thumbnails.set,
 * captions insert, update and download.
 */
final class Uploads {

  /** Bytes a non-final chunk is kept in multiples of, as Google's upload servers do. */
  static final int CHUNK_GRANULARITY = 256 * 1024;

  private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
  private static final Pattern QUERY = Pattern.compile("bytes \\*/(\\d+|\\*)");

  /** A resumable upload in progress. */
  private static final class Session {
    final Call call;
    final long total;
    final String contentType;

    /** The bytes received so far, in a spool file; {@code null} before the first. */
    Path file;

    long received;
    Reply result;

    Session(Call call, long total, String contentType) {
      this.call = call;
      this.total = total;
      this.contentType = contentType;
    }
  }

  private final Api api;
  private final Map<String, Session> sessions = new HashMap<>();

  Uploads(Api api) {
    this.api = api;
  }

  // ---- Reading media ----------------------------------------------------------------------

  /** Reads the media (and metadata) of a simple or multipart upload into the call. */
  void readMedia(Call c) throws ApiError {
    String type = c.ex.param("uploadType");
    if ("resumable".equals(type)) {
      return;
    }
    String contentType = c.ex.contentType();
    if ("multipart".equals(type) || contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      multipart(c);
    } else {
      c.media = c.ex.media != null ? c.ex.media : Spool.of(c.ex.body);
      c.mediaType = contentType.isEmpty() ? "application/octet-stream" : contentType;
    }
    checkMedia(c, c.media == null ? 0 : c.media.size(), c.mediaType);
  }

  /** The parts the exchange took apart as the body arrived (see {@link Multipart}). */
  private static void multipart(Call c) throws ApiError {
    if (c.ex.malformed != null) {
      throw ApiError.badRequest("badContent", "global", c.ex.malformed);
    }
    Multipart.Parts parts = c.ex.parts;
    if (parts == null) {
      throw ApiError.badRequest(
          "badContent", "global", "Multipart upload without a boundary in its Content-Type.");
    }
    if (parts.count() < 2) {
      throw ApiError.badRequest(
          "badContent", "global", "A multipart upload needs a metadata part and a media part.");
    }
    c.metadata = parts.metadata();
    c.media = parts.media();
    c.mediaType = parts.mediaType();
  }

  private static void checkMedia(Call c, long size, String type) throws ApiError {
    if (size > c.spec.maxUploadBytes()) {
      throw new ApiError(
          413,
          "uploadTooLarge",
          "global",
          "Media larger than the method allows (" + c.spec.maxUploadBytes() + " bytes).",
          null,
          null);
    }
    if (type == null) {
      return;
    }
    String mime = type.split(";")[0].trim().toLowerCase(Locale.ROOT);
    List<String> accepted =
        switch (c.spec.resource()) {
          case "videos" -> List.of("video/*", "application/octet-stream");
          case "captions" -> List.of("*/*");
          default -> List.of("image/jpeg", "image/png", "application/octet-stream");
        };
    for (String ok : accepted) {
      if (ok.equals("*/*")
          || ok.equals(mime)
          || (ok.endsWith("/*") && mime.startsWith(ok.substring(0, ok.length() - 1)))) {
        return;
      }
    }
    throw ApiError.badRequest(
        "badContent",
        "global",
        "Media type '" + mime + "' is not supported. Valid media types: " + accepted);
  }

  // ---- Resumable sessions ----------------------------------------------------------------------

  /** POST with {@code uploadType=resumable}: checks the metadata and opens a session. */
  Reply start(Call c) throws ApiError {
    c.requireUser(null);
    String length = c.ex.header("X-Upload-Content-Length");
    long total = -1;
    if (length != null) {
      try {
        total = Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        throw ApiError.badRequest(
            "invalidHeader", "global", "Invalid X-Upload-Content-Length: " + length);
      }
      checkMedia(c, total, null);
    }
    String type = c.ex.header("X-Upload-Content-Type");
    if (type != null) {
      checkMedia(c, 0, type);
    }
    if (c.ex.body.length > 0) {
      c.metadata = c.ex.body;
    }
    precheck(c);
    String id = "ADPycd" + Ids.random(60);
    sessions.put(id, new Session(c, total, type));
    StringBuilder location =
        new StringBuilder(api.backend.base())
            .append("upload/youtube/v3/")
            .append(c.spec.path())
            .append("?uploadType=resumable");
    c.ex.query.forEach(
        (name, values) -> {
          if (!name.equals("uploadType") && !name.equals("upload_id") && !name.equals("key")) {
            location.append('&').append(encode(name)).append('=').append(encode(values.get(0)));
          }
        });
    location.append("&upload_id=").append(id);
    return Reply.empty(200)
        .header("Location", location.toString())
        .header("X-GUploader-UploadID", id)
        .header("Content-Type", "text/html; charset=UTF-8");
  }

  /** The checks a method makes on its metadata before accepting media. */
  private void precheck(Call c) throws ApiError {
    switch (c.spec.id()) {
      case "youtube.videos.insert" -> {
        if (c.metadata != null) {
          Writes.checkVideo(c, c.body(Video.class), c.parts());
        }
      }
      case "youtube.thumbnails.set" -> Writes.ownedVideo(c, c.param("videoId"), "videoId");
      case "youtube.captions.insert" -> captionTarget(c, c.body(Caption.class));
      case "youtube.captions.update" -> ownedCaption(c, str(c.body(Caption.class), "id"));
      default -> {
        // The others check nothing more.
      }
    }
  }

  /** PUT to a session URI: a chunk, the last chunk, or a status query. */
  Reply resume(Exchange ex) throws ApiError {
    Session session = sessions.get(ex.param("upload_id"));
    if (session == null) {
      throw ApiError.notFound(
          "notFound", "global", "The upload session was not found or has expired.", null);
    }
    if (session.result != null) {
      return session.result;
    }
    String range = ex.header("Content-Range");
    long received = session.received;
    Spool body = ex.media != null ? ex.media : Spool.of(ex.body);
    long length = body.size();
    if (range != null) {
      Matcher query = QUERY.matcher(range.trim());
      if (query.matches()) {
        if (length == 0) {
          return incomplete(received);
        }
        // The whole (or the last) piece without a first byte: append it.
        return accept(session, body, 0, received, total(session, query.group(1)));
      }
      Matcher chunk = RANGE.matcher(range.trim());
      if (!chunk.matches()) {
        throw ApiError.badRequest("invalidHeader", "global", "Invalid Content-Range: " + range);
      }
      long first = Long.parseLong(chunk.group(1));
      long last = Long.parseLong(chunk.group(2));
      long total = total(session, chunk.group(3));
      if (last < first || last - first + 1 != length) {
        throw ApiError.badRequest(
            "invalidHeader",
            "global",
            "The Content-Range "
                + range
                + " does not match the "
                + length
                + " bytes of the request body.");
      }
      if (total >= 0 && last >= total) {
        throw ApiError.badRequest(
            "invalidHeader", "global", "The Content-Range goes beyond the upload's total size.");
      }
      if (first > received) {
        return incomplete(received);
      }
      // Bytes before what was received already are skipped.
      return accept(session, body, received - first, received, total);
    }
    return accept(session, body, 0, received, session.total >= 0 ? session.total : length);
  }

  private static long total(Session session, String text) throws ApiError {
    long total = text.equals("*") ? session.total : Long.parseLong(text);
    if (session.total >= 0 && total >= 0 && total != session.total) {
      throw ApiError.badRequest(
          "invalidHeader",
          "global",
          "The total size "
              + total
              + " differs from X-Upload-Content-Length "
              + session.total
              + ".");
    }
    return total;
  }

  private Reply accept(Session session, Spool chunk, long skip, long received, long total)
      throws ApiError {
    long after = received + chunk.size() - skip;
    if (total >= 0 && after > total) {
      throw ApiError.badRequest(
          "invalidHeader", "global", "More bytes were sent than the upload's total size.");
    }
    boolean last = total >= 0 && after == total;
    // A non-final chunk: keep whole multiples of 256 KiB only, as Google's servers do.
    long keep = last ? after : (after / CHUNK_GRANULARITY) * CHUNK_GRANULARITY;
    if (keep > received) {
      append(session, chunk, skip, keep - received);
    }
    return last ? finish(session) : incomplete(session.received);
  }

  /** Appends {@code count} bytes of the chunk, from {@code skip}, to the session's file. */
  private void append(Session session, Spool chunk, long skip, long count) throws ApiError {
    try {
      if (session.file == null && skip == 0 && count == chunk.size() && !chunk.inMemory()) {
        // The first chunk, whole, already in a spool file: that file is the session's.
        session.file = chunk.take();
      } else {
        if (session.file == null) {
          session.file = api.backend.store.files().newSpoolFile();
        }
        try (FileChannel out =
            FileChannel.open(session.file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
          chunk.appendTo(out, skip, count);
        }
      }
      session.received += count;
    } catch (IOException e) {
      throw new ApiError(
          503,
          "backendError",
          "global",
          "The emulator could not store the upload: " + e.getMessage(),
          null,
          null);
    }
  }

  private static Reply incomplete(long received) {
    Reply reply = Reply.empty(308);
    if (received > 0) {
      reply.header("Range", "bytes=0-" + (received - 1));
    }
    return reply.header("Content-Type", "text/plain; charset=utf-8");
  }

  private Reply finish(Session session) throws ApiError {
    Call c = session.call;
    if (session.file == null) {
      c.media = Spool.of(new byte[0]);
    } else if (session.received <= Spool.IN_MEMORY) {
      // Small media are kept in memory, as those of the other uploads are.
      c.media = Spool.of(Spool.ofFile(session.file, session.received).bytes());
    } else {
      c.media = Spool.ofFile(session.file, session.received);
    }
    c.mediaType = session.contentType != null ? session.contentType : "application/octet-stream";
    Api.Handler handler = api.handlers.get(c.spec.id());
    // On an error the bytes stay, and the session can be finished again.
    Reply reply = handler == null ? Generic.handle(api, c) : handler.handle(c);
    if (reply.status() == 200 && c.spec.id().equals("youtube.videos.insert")) {
      reply = new Reply(201, reply.headers(), reply.body());
    }
    session.result = reply;
    // The file, unless the handler moved it into the store.
    c.media.discard();
    c.media = null;
    MediaFiles.deleteQuietly(session.file);
    session.file = null;
    return reply;
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("%2C", ",");
  }

  // ---- videos.insert ----------------------------------------------------------------------------

  Reply insertVideo(Call c) throws ApiError {
    Account me = c.requireUser(null);
    if (c.media == null || c.media.size() == 0) {
      throw ApiError.badRequest(
          "mediaBodyRequired",
          "youtube.video",
          "The request does not include the video content: upload it to upload/youtube/v3/videos.");
    }
    ObjectNode body = c.metadata == null ? Jsons.object() : c.body(Video.class);
    Set<String> parts = c.parts();
    Writes.checkVideo(c, body, parts);
    String id = Ids.video();
    Instant now = api.backend.clock.instant();
    ObjectNode channel = c.store.get(Kinds.CHANNEL, me.channelId());
    String title = str(body, "snippet.title");
    if (title == null || !parts.contains("snippet")) {
      title = "unknown";
    }
    String description = parts.contains("snippet") ? str(body, "snippet.description") : null;
    String category = parts.contains("snippet") ? str(body, "snippet.categoryId") : null;
    ObjectNode snippet =
        of(
            "publishedAt",
            Jsons.time(now),
            "channelId",
            me.channelId(),
            "title",
            title,
            "description",
            description == null ? "" : description,
            "thumbnails",
            Seed.videoThumbnails(id),
            "channelTitle",
            str(channel, "snippet.title"),
            "tags",
            parts.contains("snippet") ? Jsons.at(body, "snippet.tags") : null,
            "categoryId",
            category == null ? "22" : category,
            "liveBroadcastContent",
            "none",
            "defaultLanguage",
            parts.contains("snippet") ? str(body, "snippet.defaultLanguage") : null,
            "localized",
            of("title", title, "description", description == null ? "" : description));
    String privacy = parts.contains("status") ? str(body, "status.privacyStatus") : null;
    ObjectNode status =
        of(
            "uploadStatus", "processed",
            "privacyStatus", privacy == null ? "public" : privacy,
            "license", "youtube",
            "embeddable", true,
            "publicStatsViewable", true,
            "madeForKids", false,
            "selfDeclaredMadeForKids", false);
    if (parts.contains("status") && body.has("status")) {
      for (String name :
          List.of(
              "license",
              "embeddable",
              "publicStatsViewable",
              "publishAt",
              "selfDeclaredMadeForKids")) {
        if (body.get("status").has(name)) {
          status.set(name, body.get("status").get(name).deepCopy());
        }
      }
    }
    String slug = c.ex.header("Slug");
    ObjectNode video =
        of(
            "kind", Kinds.VIDEO,
            "id", id,
            "snippet", snippet,
            "contentDetails",
                of(
                    "duration", "P0D",
                    "dimension", "2d",
                    "definition", "sd",
                    "caption", "false",
                    "licensedContent", false,
                    "contentRating", of(),
                    "projection", "rectangular"),
            "status", status,
            "statistics",
                of("viewCount", "0", "likeCount", "0", "favoriteCount", "0", "commentCount", "0"),
            "player", of("embedHtml", Seed.embed(id)),
            "fileDetails",
                of(
                    "fileName",
                    slug == null ? id : slug,
                    "fileSize",
                    String.valueOf(c.media.size()),
                    "fileType",
                    "video",
                    "container",
                    c.mediaType == null ? "unknown" : c.mediaType),
            "processingDetails",
                of(
                    "processingStatus", "succeeded",
                    "fileDetailsAvailability", "available",
                    "processingIssuesAvailability", "available",
                    "tagSuggestionsAvailability", "inProgress",
                    "editorSuggestionsAvailability", "inProgress",
                    "thumbnailsAvailability", "available"));
    if (parts.contains("recordingDetails") && body.has("recordingDetails")) {
      video.set("recordingDetails", body.get("recordingDetails").deepCopy());
    }
    if (parts.contains("localizations") && body.has("localizations")) {
      video.set("localizations", body.get("localizations").deepCopy());
    }
    Spool media = c.media;
    String type = c.mediaType;
    c.store.batch(
        () -> {
          c.store.put(Kinds.VIDEO, video);
          c.store.putMedia("video:" + id, type, media);
        });
    api.backend.hub.videoChanged(video);
    return Api.one(c, Views.of(c).video(video));
  }

  /** The bytes of an uploaded video, or {@code null}: for tests. */
  static byte[] videoBytes(Store store, String videoId) {
    Store.Media media = store.media("video:" + videoId);
    return media == null ? null : media.bytes();
  }

  // ---- thumbnails.set ---------------------------------------------------------------------------

  Reply setThumbnail(Call c) throws ApiError {
    c.requireUser(null);
    String videoId = c.param("videoId");
    ObjectNode video = Writes.ownedVideo(c, videoId, "videoId");
    if (c.media == null || c.media.size() == 0) {
      throw ApiError.badRequest(
          "mediaBodyRequired",
          "youtube.thumbnail",
          "The request does not include the image content.");
    }
    c.store.putMedia("thumbnail:" + videoId, c.mediaType, c.media);
    ObjectNode thumbnails = Jsons.at(video, "snippet.thumbnails").deepCopy();
    return Reply.json(
        200,
        Api.withEtag(
            of("kind", "youtube#thumbnailSetResponse", "items", Jsons.array().add(thumbnails))),
        true);
  }

  // ---- captions ---------------------------------------------------------------------------------

  static ObjectNode ownedCaption(Call c, String id) throws ApiError {
    ObjectNode caption = id == null ? null : c.store.get(Kinds.CAPTION, id);
    if (caption == null) {
      throw ApiError.notFound(
          "captionNotFound", "youtube.caption", "The caption track could not be found.", "id");
    }
    if (!Views.of(c).mine(Views.of(c).owner(caption))) {
      throw ApiError.forbidden(
          "forbidden",
          "youtube.caption",
          "The permissions associated with the request are not sufficient to download or change"
              + " the caption track.");
    }
    return caption;
  }

  private static ObjectNode captionTarget(Call c, ObjectNode body) throws ApiError {
    String videoId = str(body, "snippet.videoId");
    if (videoId == null) {
      throw ApiError.badRequest(
          "videoIdRequired",
          "youtube.caption",
          "The caption's <code>snippet.videoId</code> is required.");
    }
    if (str(body, "snippet.language") == null) {
      throw ApiError.badRequest(
          "invalidMetadata",
          "youtube.caption",
          "The caption's <code>snippet.language</code> is required.");
    }
    return Writes.ownedVideo(c, videoId, "snippet.videoId");
  }

  Reply insertCaption(Call c) throws ApiError {
    c.requireUser(null);
    if (c.metadata == null && c.ex.param("uploadType") == null) {
      c.metadata = c.ex.body;
    }
    ObjectNode body = c.body(Caption.class);
    captionTarget(c, body);
    if (c.media == null || c.media.size() == 0) {
      throw ApiError.badRequest(
          "mediaBodyRequired",
          "youtube.caption",
          "The request does not include the caption track.");
    }
    String videoId = str(body, "snippet.videoId");
    String id = "AUieDa" + Ids.random(38);
    ObjectNode caption =
        Seed.captionNode(
            id,
            videoId,
            str(body, "snippet.language"),
            str(body, "snippet.name") == null ? "" : str(body, "snippet.name"),
            api.backend.clock.instant(),
            Jsons.at(body, "snippet.isDraft") != null
                && Jsons.at(body, "snippet.isDraft").asBoolean());
    c.store.batch(
        () -> {
          c.store.put(Kinds.CAPTION, caption);
          c.store.putMedia("caption:" + id, c.mediaType, c.media);
        });
    return Api.one(c, caption);
  }

  Reply updateCaption(Call c) throws ApiError {
    c.requireUser(null);
    ObjectNode body = c.body(Caption.class);
    ObjectNode caption = ownedCaption(c, str(body, "id")).deepCopy();
    ObjectNode snippet = Jsons.obj(caption, "snippet");
    if (c.parts().contains("snippet") && Jsons.at(body, "snippet.isDraft") != null) {
      snippet.put("isDraft", Jsons.at(body, "snippet.isDraft").asBoolean());
    }
    snippet.put("lastUpdated", Jsons.time(api.backend.clock.instant()));
    String id = caption.path("id").asText();
    c.store.batch(
        () -> {
          c.store.put(Kinds.CAPTION, caption);
          if (c.media != null && c.media.size() > 0) {
            c.store.putMedia("caption:" + id, c.mediaType, c.media);
          }
        });
    return Api.one(c, caption);
  }

  /** GET {@code captions/{id}}: the stored track, converted to {@code tfmt}. */
  Reply downloadCaption(Call c) throws ApiError {
    c.requireUser(null);
    String id = c.param("id");
    ownedCaption(c, id);
    Store.Media media = c.store.media("caption:" + id);
    if (media == null) {
      throw ApiError.notFound(
          "captionNotFound", "youtube.caption", "The caption track could not be found.", "id");
    }
    String text = Store.text(media);
    String format = c.param("tfmt");
    String stored = CaptionFormats.detect(text);
    if (format != null && !List.of("sbv", "scc", "srt", "ttml", "vtt").contains(format)) {
      throw ApiError.invalidParameter("tfmt", "Invalid value for tfmt: " + format);
    }
    if (format != null
        && !format.equals(stored)
        && !format.equals("scc")
        && stored != null
        && !stored.equals("ttml")) {
      text = CaptionFormats.write(CaptionFormats.parse(text), format);
      stored = format;
    }
    Reply reply =
        Reply.of(
            200,
            stored == null ? media.contentType() : CaptionFormats.contentType(stored),
            text.getBytes(StandardCharsets.UTF_8));
    if (c.param("tlang") != null) {
      // The emulator does not translate: the track comes back in its own language.
      reply.header("Content-Language", str(c.store.get(Kinds.CAPTION, id), "snippet.language"));
    }
    return reply;
  }
}
