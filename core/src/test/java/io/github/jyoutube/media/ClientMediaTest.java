package io.github.jyoutube.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.model.Video;
import io.github.jyoutube.model.VideoSnippet;
import io.github.jyoutube.testing.RecordingSleeper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The media methods of the resources, through a real client, against the resumable fixture. */
class ClientMediaTest {

  private static final int CHUNK = 256 * 1024;
  private static final long SIZE = 5L * CHUNK + 12_345;

  private final ResumableFixture fixture = ResumableFixture.start();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    fixture.close();
  }

  private YouTubeClient client() {
    return YouTubeClient.builder()
        .accessToken("ya29.media")
        .endpoints(fixture.endpoints())
        .sleeper(sleeper)
        .build();
  }

  private static Video metadata() {
    return Video.builder().snippet(VideoSnippet.builder().title("Road trip").build()).build();
  }

  @Test
  void videosInsertUploadsThroughACutAndA503() {
    Path file = TestData.file(dir, "clip.mp4", SIZE, 7);
    fixture.onChunk(
        ResumableFixture.pass(),
        ResumableFixture.cutAfter(1000),
        ResumableFixture.status(503),
        ResumableFixture.keepOnly(CHUNK / 2));
    List<Long> progress = new ArrayList<>();

    Video video =
        client()
            .videos()
            .insert(metadata(), MediaContent.of(file))
            .chunkSize(CHUNK)
            .progress((done, total, rate) -> progress.add(done))
            .execute();

    ResumableFixture.Session session = fixture.completed();
    assertThat(session.sha256()).isEqualTo(TestData.sha256(file));
    assertThat(session.declaredType).isEqualTo("video/mp4");
    assertThat(video.snippet().title()).isEqualTo("Road trip");
    ResumableFixture.Request open = fixture.requests(ResumableFixture.Kind.INITIATE).get(0);
    assertThat(open.path()).isEqualTo("/upload/youtube/v3/videos");
    assertThat(open.query())
        .containsEntry("uploadType", "resumable")
        .containsEntry("part", "snippet");
    assertThat(open.header("authorization")).isEqualTo("Bearer ya29.media");
    assertThat(progress).isSorted().last().isEqualTo(SIZE);
    assertThat(sleeper.delays()).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void anotherClientResumesAnUploadFromItsSessionUri() {
    Path file = TestData.file(dir, "clip.mp4", SIZE, 11);
    URI session =
        client()
            .videos()
            .insert(metadata(), MediaContent.of(file))
            .chunkSize(CHUNK)
            .upload()
            .initiate();

    Video video = client().resumeUpload(session, MediaContent.of(file), Video.class).execute();

    assertThat(fixture.completed().sha256()).isEqualTo(TestData.sha256(file));
    assertThat(video.snippet().title()).isEqualTo("Road trip");
    assertThat(fixture.requests(ResumableFixture.Kind.INITIATE)).hasSize(1);
  }

  @Test
  void theMethodsLimitsAreCheckedBeforeAnyByte() {
    byte[] png = TestData.bytes(1000, 3);
    assertThatThrownBy(
            () -> client().videos().insert(metadata(), MediaContent.of(png, "image/png")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("image/png")
        .hasMessageContaining("videos.insert");
    assertThatThrownBy(
            () ->
                client()
                    .thumbnails()
                    .set("vid", MediaContent.of(new byte[60 * 1024 * 1024], "image/png")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("thumbnails.set");
    assertThat(fixture.requests()).isEmpty();
  }

  @Test
  void captionsDownloadStreamsToAFile() throws Exception {
    byte[] srt = "1\n00:00:01,000 --> 00:00:02,000\nHello\n".getBytes();
    fixture.serve("/youtube/v3/captions/cap1", srt, false);
    Path target = dir.resolve("track.srt");

    long written = client().captions().download("cap1").tfmt("srt").saveTo(target);

    assertThat(written).isEqualTo(srt.length);
    assertThat(Files.readAllBytes(target)).isEqualTo(srt);
    ResumableFixture.Request request = fixture.requests(ResumableFixture.Kind.DOWNLOAD).get(0);
    assertThat(request.query()).containsEntry("tfmt", "srt");
  }
}
