package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jyoutube.Json;
import io.github.jyoutube.QuotaBucket;
import io.github.jyoutube.auth.Scopes;
import io.github.jyoutube.model.Video;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The resumable upload protocol, multipart and simple uploads, with raw requests. */
@ExtendWith(YouTubeEmulatorExtension.class)
class UploadTest {

  private static final int MIB = 1024 * 1024;

  private static byte[] media(int size) {
    byte[] bytes = new byte[size];
    new Random(42).nextBytes(bytes);
    return bytes;
  }

  @Test
  void aResumableUploadInChunksCreatesTheVideo(YouTubeEmulator emulator) {
    Raw raw =
        new Raw(emulator.baseUri()).as(emulator.accessToken(Account.ALICE, Scopes.YOUTUBE_UPLOAD));
    byte[] video = media(3 * MIB + 12_345);
    int total = video.length;

    Raw.Response start =
        raw.send(
            "POST",
            "upload/youtube/v3/videos?uploadType=resumable&part=snippet,status",
            ("{\"snippet\":{\"title\":\"Chunked upload\",\"description\":\"in pieces\","
                    + "\"categoryId\":\"27\",\"tags\":[\"a\",\"b\"]},"
                    + "\"status\":{\"privacyStatus\":\"unlisted\"}}")
                .getBytes(StandardCharsets.UTF_8),
            "application/json; charset=UTF-8",
            "X-Upload-Content-Length",
            String.valueOf(total),
            "X-Upload-Content-Type",
            "video/mp4");
    assertThat(start.status()).isEqualTo(200);
    String session = start.header("Location");
    assertThat(session)
        .startsWith(emulator.baseUri() + "upload/youtube/v3/videos?uploadType=resumable")
        .contains("part=snippet,status", "upload_id=");
    assertThat(emulator.quotaUsed(QuotaBucket.VIDEO_UPLOAD)).isEqualTo(1);

    // Nothing received yet: 308 without Range.
    Raw.Response empty =
        raw.send("PUT", session, new byte[0], null, "Content-Range", "bytes */" + total);
    assertThat(empty.status()).isEqualTo(308);
    assertThat(empty.header("Range")).isNull();

    // A 1 MiB chunk is kept whole.
    Raw.Response first = put(raw, session, video, 0, MIB, total);
    assertThat(first.status()).isEqualTo(308);
    assertThat(first.header("Range")).isEqualTo("bytes=0-" + (MIB - 1));

    // A chunk that is not a multiple of 256 KiB is kept up to the last whole multiple.
    Raw.Response ragged = put(raw, session, video, MIB, 300_000, total);
    assertThat(ragged.status()).isEqualTo(308);
    long kept = MIB + 262_144;
    assertThat(ragged.header("Range")).isEqualTo("bytes=0-" + (kept - 1));

    // A status query says the same; the client resumes from it.
    Raw.Response status =
        raw.send("PUT", session, new byte[0], null, "Content-Range", "bytes */" + total);
    assertThat(status.status()).isEqualTo(308);
    assertThat(status.header("Range")).isEqualTo("bytes=0-" + (kept - 1));

    Raw.Response second = put(raw, session, video, (int) kept, MIB, total);
    assertThat(second.status()).isEqualTo(308);
    int at = (int) kept + MIB;
    Raw.Response last = put(raw, session, video, at, total - at, total);
    assertThat(last.status()).isEqualTo(201);
    Video created = Json.parse(last.body(), Video.class);
    assertThat(created.id()).hasSize(11);
    assertThat(created.snippet().title()).isEqualTo("Chunked upload");
    assertThat(created.snippet().categoryId()).isEqualTo("27");
    assertThat(created.snippet().tags()).containsExactly("a", "b");
    assertThat(created.snippet().channelId()).isEqualTo(Account.ALICE.channelId());
    assertThat(created.status().privacyStatus()).hasToString("unlisted");

    // Asking again after the end gives the video again.
    Raw.Response after =
        raw.send("PUT", session, new byte[0], null, "Content-Range", "bytes */" + total);
    assertThat(after.status()).isEqualTo(201);
    assertThat(after.json().path("id").asText()).isEqualTo(created.id());

    assertThat(Uploads.videoBytes(storeOf(emulator), created.id())).isEqualTo(video);
    // The upload scope does not read.
    assertThat(raw.get("youtube/v3/videos?part=id&id=" + created.id()).status()).isEqualTo(403);
    Raw reader = new Raw(emulator.baseUri()).as(emulator.accessToken(Account.ALICE));
    JsonNode listed =
        reader.get("youtube/v3/videos?part=snippet,fileDetails&id=" + created.id()).json();
    assertThat(listed.at("/items/0/fileDetails/fileSize").asText())
        .isEqualTo(String.valueOf(total));
    JsonNode uploads =
        reader
            .get("youtube/v3/playlistItems?part=contentDetails&playlistId=UUalice0emulator0channel")
            .json();
    assertThat(uploads.at("/items/0/contentDetails/videoId").asText()).isEqualTo(created.id());
  }

  private static Raw.Response put(
      Raw raw, String session, byte[] video, int from, int length, int total) {
    return raw.send(
        "PUT",
        session,
        Arrays.copyOfRange(video, from, from + length),
        "video/mp4",
        "Content-Range",
        "bytes " + from + "-" + (from + length - 1) + "/" + total);
  }

  static Store storeOf(YouTubeEmulator emulator) {
    try {
      java.lang.reflect.Field field = YouTubeEmulator.class.getDeclaredField("store");
      field.setAccessible(true);
      return (Store) field.get(emulator);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void badMetadataIsRefusedBeforeAnyBytes(YouTubeEmulator emulator) {
    Raw raw = new Raw(emulator.baseUri()).as(emulator.accessToken(Account.ALICE));
    Raw.Response bad =
        raw.send(
            "POST",
            "upload/youtube/v3/videos?uploadType=resumable&part=snippet",
            "{\"snippet\":{\"title\":\"x\",\"categoryId\":\"999\"}}"
                .getBytes(StandardCharsets.UTF_8),
            "application/json",
            "X-Upload-Content-Length",
            "10");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/error/errors/0/reason").asText()).isEqualTo("invalidCategoryId");

    Raw.Response wrongType =
        raw.send(
            "POST",
            "upload/youtube/v3/videos?uploadType=resumable&part=snippet",
            "{}".getBytes(StandardCharsets.UTF_8),
            "application/json",
            "X-Upload-Content-Type",
            "text/plain");
    assertThat(wrongType.status()).isEqualTo(400);

    Raw.Response noMedia =
        raw.json("POST", "youtube/v3/videos?part=snippet", "{\"snippet\":{\"title\":\"x\"}}");
    assertThat(noMedia.status()).isEqualTo(400);
    assertThat(noMedia.json().at("/error/errors/0/reason").asText()).isEqualTo("mediaBodyRequired");
  }

  @Test
  void multipartAndSimpleUploadsWork(YouTubeEmulator emulator) {
    Raw raw =
        new Raw(emulator.baseUri())
            .as(emulator.accessToken(Account.BOB, Scopes.YOUTUBE, Scopes.YOUTUBE_FORCE_SSL));
    byte[] body =
        multipart(
            "{\"snippet\":{\"title\":\"Multipart\",\"categoryId\":\"28\"}}",
            "video/webm",
            media(70_000));
    Raw.Response video =
        raw.send(
            "POST",
            "upload/youtube/v3/videos?uploadType=multipart&part=snippet",
            body,
            "multipart/related; boundary=BOUNDARY");
    assertThat(video.status()).as(video.body()).isEqualTo(200);
    String videoId = video.json().path("id").asText();
    assertThat(video.json().at("/snippet/title").asText()).isEqualTo("Multipart");
    assertThat(video.json().has("status")).isFalse();

    Raw.Response thumbnail =
        raw.send(
            "POST",
            "upload/youtube/v3/thumbnails/set?videoId=" + videoId + "&uploadType=media",
            media(2_000),
            "image/png");
    assertThat(thumbnail.status()).isEqualTo(200);
    assertThat(thumbnail.json().path("kind").asText()).isEqualTo("youtube#thumbnailSetResponse");
    assertThat(thumbnail.json().at("/items/0/default/url").asText()).contains(videoId);

    String srt = "1\n00:00:01,000 --> 00:00:02,500\nHello upload\n";
    Raw.Response caption =
        raw.send(
            "POST",
            "upload/youtube/v3/captions?uploadType=multipart&part=snippet",
            multipart(
                "{\"snippet\":{\"videoId\":\""
                    + videoId
                    + "\",\"language\":\"de\",\"name\":\"Deutsch\"}}",
                "application/octet-stream",
                srt.getBytes(StandardCharsets.UTF_8)),
            "multipart/related; boundary=BOUNDARY");
    assertThat(caption.status()).as(caption.body()).isEqualTo(200);
    String captionId = caption.json().path("id").asText();
    assertThat(raw.get("youtube/v3/captions/" + captionId).body()).isEqualTo(srt);
    assertThat(raw.get("youtube/v3/captions/" + captionId + "?tfmt=vtt").body())
        .isEqualTo("WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nHello upload\n\n");

    // captions.update with new media, then delete.
    Raw.Response update =
        raw.send(
            "PUT",
            "upload/youtube/v3/captions?uploadType=multipart&part=snippet",
            multipart(
                "{\"id\":\"" + captionId + "\",\"snippet\":{\"isDraft\":true}}",
                "text/plain",
                "1\n00:00:00,000 --> 00:00:01,000\nUpdated\n".getBytes(StandardCharsets.UTF_8)),
            "multipart/related; boundary=BOUNDARY");
    assertThat(update.status()).as(update.body()).isEqualTo(200);
    assertThat(update.json().at("/snippet/isDraft").asBoolean()).isTrue();
    assertThat(raw.get("youtube/v3/captions/" + captionId).body()).contains("Updated");
    assertThat(raw.send("DELETE", "youtube/v3/captions?id=" + captionId, null, null).status())
        .isEqualTo(204);

    // Deleting the video removes it everywhere.
    assertThat(raw.send("DELETE", "youtube/v3/videos?id=" + videoId, null, null).status())
        .isEqualTo(204);
    assertThat(raw.get("youtube/v3/videos?part=id&id=" + videoId).json().path("items")).isEmpty();
  }

  private static byte[] multipart(String json, String mediaType, byte[] media) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String head =
        "--BOUNDARY\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n"
            + json
            + "\r\n--BOUNDARY\r\nContent-Type: "
            + mediaType
            + "\r\n\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(media);
    out.writeBytes("\r\n--BOUNDARY--\r\n".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
