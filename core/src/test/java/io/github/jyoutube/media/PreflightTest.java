package io.github.jyoutube.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.http.ClientContext;
import io.github.jyoutube.media.ResumableFixture.Kind;
import io.github.jyoutube.model.ChannelBannerResource;
import io.github.jyoutube.model.Video;
import io.github.jyoutube.testing.RecordingSleeper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What is refused before the first byte, and the value types' own rules. */
class PreflightTest {

  @TempDir Path dir;

  private final ResumableFixture fixture = ResumableFixture.start();
  private final ClientContext context =
      TestClients.context(fixture.endpoints(), new RecordingSleeper(), "ya29.t0");

  @AfterEach
  void stop() {
    fixture.close();
  }

  private <T> ResumableUpload<T> upload(
      String path, MediaContent media, MediaLimits limits, Class<T> type) {
    return Uploads.upload(
        context, "POST", path, Map.of(), null, null, media, limits, UploadOptions.defaults(), type);
  }

  @Test
  void aTypeTheMethodDoesNotAcceptIsRefusedWithNoRequest() {
    MediaContent png = MediaContent.of(new byte[10], "image/png");

    assertThatThrownBy(() -> upload("videos", png, MediaLimits.VIDEOS_INSERT, Video.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("videos.insert")
        .hasMessageContaining("image/png")
        .hasMessageContaining("video/*");
    assertThat(fixture.requests()).isEmpty();
  }

  @Test
  void mediaLargerThanTheMethodsMaxSizeIsRefusedWithNoRequest() {
    InputStream never = new ByteArrayInputStream(new byte[0]);
    MediaContent banner = MediaContent.of(never, "image/jpeg", 6_291_457);

    assertThatThrownBy(
            () ->
                upload(
                    "channelBanners/insert",
                    banner,
                    MediaLimits.CHANNEL_BANNERS_INSERT,
                    ChannelBannerResource.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("channelBanners.insert")
        .hasMessageContaining("6291456")
        .hasMessageContaining("6291457");
    assertThat(fixture.requests()).isEmpty();
  }

  @Test
  void aStreamOfUnknownLengthIsStoppedOnceItPassesTheLimit() {
    MediaLimits small = new MediaLimits("test.insert", List.of("*/*"), 300_000);
    MediaContent media =
        MediaContent.of(TestData.stream(600_000, 1), "application/octet-stream", -1);
    ResumableUpload<Void> upload =
        Uploads.upload(
            context,
            "POST",
            "videos",
            Map.of(),
            null,
            null,
            media,
            small,
            UploadOptions.defaults().withChunkSize(256 * 1024),
            Void.class);

    assertThatThrownBy(upload::execute)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("test.insert accepts at most 300000 bytes");
    assertThat(upload.state()).isEqualTo(ResumableUpload.State.FAILED);
    assertThat(fixture.requests(Kind.CHUNK)).hasSize(1); // the first 256 KiB, under the limit
  }

  @Test
  void theDocumentsLimitsPerMethod() {
    assertThat(MediaLimits.VIDEOS_INSERT.maxSize()).isEqualTo(274_877_906_944L);
    assertThat(MediaLimits.CAPTIONS_INSERT.maxSize()).isEqualTo(104_857_600L);
    assertThat(MediaLimits.CAPTIONS_UPDATE.accepts("application/x-subrip")).isTrue(); // */*
    assertThat(MediaLimits.THUMBNAILS_SET.maxSize()).isEqualTo(52_428_800L);
    assertThat(MediaLimits.PLAYLIST_IMAGES_INSERT.maxSize()).isEqualTo(52_428_800L);
    assertThat(MediaLimits.PLAYLIST_IMAGES_UPDATE.maxSize()).isEqualTo(52_428_800L);
    assertThat(MediaLimits.CHANNEL_BANNERS_INSERT.maxSize()).isEqualTo(6_291_456L);
    assertThat(MediaLimits.WATERMARKS_SET.maxSize()).isEqualTo(10_485_760L);
    assertThat(MediaLimits.THUMBNAILS_SET.accepts("IMAGE/PNG")).isTrue();
    assertThat(MediaLimits.THUMBNAILS_SET.accepts("image/gif")).isFalse();
    assertThat(MediaLimits.VIDEOS_INSERT.accepts("video/mp4; codecs=avc1")).isTrue();
    assertThat(MediaLimits.VIDEOS_INSERT.accepts("videox/mp4")).isFalse();
    assertThat(MediaLimits.WATERMARKS_SET.accepts("application/octet-stream")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -262144, 100_000, 262_145, 512 * 1024 * 1024 + 262_144})
  void aChunkSizeThatIsNotAPositiveMultipleOf256KiBIsRefused(int size) {
    assertThatThrownBy(() -> UploadOptions.defaults().withChunkSize(size))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiple of 256 KiB");
  }

  @Test
  void chunkSizesThatAreMultiplesOf256KiBAreKept() {
    assertThat(UploadOptions.defaults().chunkSize()).isEqualTo(8 * 1024 * 1024);
    assertThat(UploadOptions.defaults().withChunkSize(262_144).chunkSize()).isEqualTo(262_144);
  }

  @Test
  void byDefaultOnlyStreamsAndUploadsWithAListenerGoInChunks() {
    MediaContent array = MediaContent.of(new byte[10], "video/mp4");
    MediaContent stream = MediaContent.of(new ByteArrayInputStream(new byte[10]), "video/mp4", 10);
    MediaContent unknownLength =
        MediaContent.of(new ByteArrayInputStream(new byte[10]), "video/mp4", -1);
    UploadOptions defaults = UploadOptions.defaults();

    assertThat(defaults.chunksFor(array)).isFalse();
    assertThat(defaults.chunksFor(stream)).isTrue();
    assertThat(defaults.chunksFor(unknownLength)).isTrue();
    assertThat(defaults.withProgress(ProgressListener.none()).chunksFor(array)).isTrue();
    assertThat(defaults.withChunkSize(3 * 262_144).chunksFor(array)).isTrue();
    assertThat(defaults.withoutChunks().chunksFor(stream)).isFalse();
    assertThat(defaults.withoutChunks().withProgress(ProgressListener.none()).chunksFor(array))
        .isFalse();
  }

  @Test
  void oneRequestNeedsAKnownLength() {
    MediaContent unknown = MediaContent.of(new ByteArrayInputStream(new byte[1]), "video/mp4", -1);

    assertThatThrownBy(
            () ->
                Uploads.upload(
                    context,
                    "POST",
                    "videos",
                    Map.of(),
                    null,
                    null,
                    unknown,
                    MediaLimits.VIDEOS_INSERT,
                    UploadOptions.defaults().withoutChunks(),
                    Video.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown length");
  }

  @Test
  void aSessionUriThatWouldCarryTheTokenInClearTextElsewhereIsRefused() {
    MediaContent media = MediaContent.of(new byte[1], "video/mp4");
    assertThatThrownBy(
            () ->
                ResumableUpload.resume(
                    context,
                    URI.create("http://example.com/upload?upload_id=x"),
                    media,
                    UploadOptions.defaults(),
                    Video.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https");
  }

  @Test
  void aFilesTypeComesFromItsExtensionThenTheProbeThenOctetStream() throws Exception {
    assertThat(MediaContent.of(touch("a.MP4")).type()).isEqualTo("video/mp4");
    assertThat(MediaContent.of(touch("b.mov")).type()).isEqualTo("video/quicktime");
    assertThat(MediaContent.of(touch("c.jpeg")).type()).isEqualTo("image/jpeg");
    assertThat(MediaContent.of(touch("d.png")).type()).isEqualTo("image/png");
    assertThat(MediaContent.of(touch("e.xml")).type()).isEqualTo("text/xml");
    assertThat(MediaContent.of(touch("f.unknownext")).type()).isNotBlank().contains("/");
    assertThat(MediaContent.of(touch("noextension")).type()).contains("/");
    assertThat(MediaContent.of(touch("g.webm"), "video/webm").type()).isEqualTo("video/webm");
  }

  @Test
  void contentCarriesItsLengthAndNeverShowsItsBytes() throws Exception {
    Path file = dir.resolve("clip.mp4");
    Files.write(file, new byte[1234]);
    byte[] secret = "SECRET-BYTES".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    MediaContent bytes = MediaContent.of(secret, "text/plain");
    secret[0] = 'X'; // copied: the content does not change

    assertThat(MediaContent.of(file).length()).isEqualTo(1234);
    assertThat(MediaContent.of(file).isRepeatable()).isTrue();
    assertThat(MediaContent.of(file).file()).contains(file);
    assertThat(MediaContent.of(file).toString())
        .isEqualTo("MediaContent[video/mp4, 1234 bytes, file clip.mp4]");
    assertThat(bytes.length()).isEqualTo(12);
    assertThat(bytes.toString()).doesNotContain("SECRET").contains("12 bytes");
    MediaContent stream = MediaContent.of(new ByteArrayInputStream(secret), "text/plain", -1);
    assertThat(stream.isRepeatable()).isFalse();
    assertThat(stream.toString()).isEqualTo("MediaContent[text/plain, unknown length, stream]");
  }

  @Test
  void malformedContentIsRefused() {
    assertThatThrownBy(() -> MediaContent.of(new byte[1], "mp4"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MediaContent.of(InputStream.nullInputStream(), "video/mp4", -2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MediaContent.of(dir.resolve("missing.mp4")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MediaContent.of(dir)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aStreamGoesToOneUploadOnly() {
    MediaContent stream = MediaContent.of(new ByteArrayInputStream(new byte[5]), "video/mp4", 5);
    upload("videos", stream, MediaLimits.VIDEOS_INSERT, Video.class).execute();

    assertThatThrownBy(
            () -> upload("videos", stream, MediaLimits.VIDEOS_INSERT, Video.class).execute())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("read once");
  }

  private Path touch(String name) throws Exception {
    return Files.write(dir.resolve(name), new byte[] {1, 2, 3});
  }
}
