package io.github.jyoutube.media;

import static io.github.jyoutube.media.ResumableFixture.claim;
import static io.github.jyoutube.media.ResumableFixture.cutAfter;
import static io.github.jyoutube.media.ResumableFixture.expire;
import static io.github.jyoutube.media.ResumableFixture.keepOnly;
import static io.github.jyoutube.media.ResumableFixture.pass;
import static io.github.jyoutube.media.ResumableFixture.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.jyoutube.QuotaBucket;
import io.github.jyoutube.QuotaCost;
import io.github.jyoutube.error.ForbiddenException;
import io.github.jyoutube.error.MediaException;
import io.github.jyoutube.error.NotFoundException;
import io.github.jyoutube.error.ServerErrorException;
import io.github.jyoutube.http.ClientContext;
import io.github.jyoutube.media.ResumableFixture.Kind;
import io.github.jyoutube.media.ResumableFixture.Request;
import io.github.jyoutube.model.Video;
import io.github.jyoutube.model.VideoSnippet;
import io.github.jyoutube.testing.RecordingSleeper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The resumable upload over real HTTP against {@link ResumableFixture}: every test ends with the
 * server holding exactly the media's bytes (SHA-256 equal) and the typed resource decoded.
 */
class ResumableUploadTest {

  private static final int KIB = 1024;
  private static final int MIB = 1024 * KIB;
  private static final int CHUNK = MIB; // four times the 256 KiB granularity
  private static final long SIZE = 5L * MIB + 123; // five whole chunks and a short one
  private static final String TOKEN = "ya29.t0";

  @TempDir Path dir;

  private final ResumableFixture fixture = ResumableFixture.start().acceptToken(TOKEN);
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final ClientContext context = TestClients.context(fixture.endpoints(), sleeper, TOKEN);

  @AfterEach
  void stop() {
    fixture.close();
  }

  private static Video metadata() {
    return Video.builder().snippet(VideoSnippet.builder().title("Road trip").build()).build();
  }

  private ResumableUpload<Video> upload(ClientContext ctx, MediaContent media, UploadOptions opts) {
    return Uploads.upload(
        ctx,
        "POST",
        "videos",
        Map.of("part", "snippet,status"),
        metadata(),
        new QuotaCost(QuotaBucket.VIDEO_UPLOAD, 1, false),
        media,
        MediaLimits.VIDEOS_INSERT,
        opts,
        Video.class);
  }

  private ResumableUpload<Video> upload(MediaContent media) {
    return upload(context, media, UploadOptions.defaults().withChunkSize(CHUNK));
  }

  private Path file() {
    return TestData.file(dir, "clip.mp4", SIZE, 7);
  }

  private static List<String> ranges(List<Request> requests) {
    return requests.stream().map(r -> r.header("content-range")).toList();
  }

  private void assertHolds(String sha256, Video video) {
    ResumableFixture.Session session = fixture.completed();
    assertThat(session.sha256()).isEqualTo(sha256);
    assertThat(video.id()).isEqualTo("id-" + session.id);
    assertThat(video.snippet().title()).isEqualTo("Road trip");
  }

  @Test
  void uploadsAFileInChunksWithTheProtocolsHeaders() {
    Path file = file();
    ResumableUpload<Video> upload = upload(MediaContent.of(file));
    assertThat(upload.state()).isEqualTo(ResumableUpload.State.NOT_STARTED);

    Video video = upload.execute();

    assertHolds(TestData.sha256(file), video);
    assertThat(upload.state()).isEqualTo(ResumableUpload.State.COMPLETE);
    assertThat(upload.bytesAcknowledged()).isEqualTo(SIZE);
    assertThat(upload.sessionUri()).get().asString().contains("upload_id=s-1");
    assertThat(upload.execute()).isSameAs(video); // complete: nothing is sent again

    Request open = fixture.requests(Kind.INITIATE).get(0);
    assertThat(open.method()).isEqualTo("POST");
    assertThat(open.path()).isEqualTo("/upload/youtube/v3/videos");
    assertThat(open.query()).containsEntry("uploadType", "resumable");
    assertThat(open.query()).containsEntry("part", "snippet,status");
    assertThat(open.header("x-upload-content-type")).isEqualTo("video/mp4");
    assertThat(open.header("x-upload-content-length")).isEqualTo(String.valueOf(SIZE));
    assertThat(open.header("content-type")).startsWith("application/json");
    assertThat(fixture.sessions().get(0).metadata).contains("\"title\":\"Road trip\"");

    List<Request> chunks = fixture.requests(Kind.CHUNK);
    assertThat(ranges(chunks))
        .containsExactly(
            "bytes 0-1048575/5243003",
            "bytes 1048576-2097151/5243003",
            "bytes 2097152-3145727/5243003",
            "bytes 3145728-4194303/5243003",
            "bytes 4194304-5242879/5243003",
            "bytes 5242880-5243002/5243003");
    assertThat(chunks).allSatisfy(c -> assertThat(c.header("content-type")).isEqualTo("video/mp4"));
    assertThat(fixture.requests())
        .allSatisfy(r -> assertThat(r.header("authorization")).isEqualTo("Bearer " + TOKEN));
    assertThat(fixture.chunkBytesReceived()).isEqualTo(SIZE);
    assertThat(sleeper.delays()).isEmpty();
  }

  @Test
  void aConnectionCutMidChunkBacksOffAsksWhatTheServerHoldsAndContinues() {
    Path file = file();
    fixture.onChunk(pass(), cutAfter(300_000));

    Video video = upload(MediaContent.of(file)).execute();

    assertHolds(TestData.sha256(file), video);
    assertThat(sleeper.delays()).hasSize(1);
    List<Request> after = fixture.requests().subList(3, 5);
    assertThat(after.get(0).kind()).isEqualTo(Kind.STATUS);
    assertThat(after.get(0).header("content-range")).isEqualTo("bytes */5243003");
    assertThat(after.get(0).bodyBytes()).isZero();
    assertThat(after.get(1).header("content-range")).startsWith("bytes 1348576-"); // 1 MiB + 300000
  }

  @Test
  void aStreamSurvivesACutMidChunkFromTheChunkItKeepsInMemory() throws Exception {
    Path file = file();
    fixture.onChunk(pass(), pass(), cutAfter(777_777));

    try (InputStream in = Files.newInputStream(file)) {
      Video video = upload(MediaContent.of(in, "video/mp4", SIZE)).execute();
      assertHolds(TestData.sha256(file), video);
    }
    assertThat(sleeper.delays()).hasSize(1);
  }

  @Test
  void a503OnAChunkBacksOffAndContinuesFromWhatTheServerHolds() {
    Path file = file();
    fixture.onChunk(pass(), status(503), status(500));

    Video video = upload(MediaContent.of(file)).execute();

    assertHolds(TestData.sha256(file), video);
    assertThat(sleeper.delays()).hasSize(2);
    assertThat(fixture.requests(Kind.STATUS)).hasSize(2);
    assertThat(ranges(fixture.requests(Kind.CHUNK)))
        .startsWith(
            "bytes 0-1048575/5243003",
            "bytes 1048576-2097151/5243003",
            "bytes 1048576-2097151/5243003",
            "bytes 1048576-2097151/5243003",
            "bytes 2097152-3145727/5243003");
  }

  @ParameterizedTest
  @ValueSource(strings = {"file", "stream", "bytes"})
  void aChunkThatTheServerKeptOnlyPartOfContinuesFromTheServersRange(String kind) throws Exception {
    Path file = file();
    fixture.onChunk(pass(), keepOnly(100_000), keepOnly(0), pass(), keepOnly(262_144));

    try (InputStream in = Files.newInputStream(file)) {
      MediaContent media =
          switch (kind) {
            case "file" -> MediaContent.of(file);
            case "stream" -> MediaContent.of(in, "video/mp4", SIZE);
            default -> MediaContent.of(Files.readAllBytes(file), "video/mp4");
          };
      Video video = upload(media).execute();
      assertHolds(TestData.sha256(file), video);
    }
    assertThat(ranges(fixture.requests(Kind.CHUNK)))
        .startsWith(
            "bytes 0-1048575/5243003",
            "bytes 1048576-2097151/5243003",
            "bytes 1148576-2197151/5243003", // held 1 MiB + 100000
            "bytes 1148576-2197151/5243003", // the server kept nothing: same again
            "bytes 2197152-3245727/5243003",
            "bytes 2459296-3507871/5243003"); // that one kept only 256 KiB of 1 MiB
    assertThat(fixture.requests(Kind.STATUS)).isEmpty();
    assertThat(sleeper.delays()).hasSize(1); // only the chunk of which nothing was kept waits
  }

  @Test
  void aServerThatTakesBackWhatItAcknowledgedCannotKeepTheUploadGoingForEver() {
    // Each 308 claims 256 KiB, then 512 KiB, then 256 KiB again, for as long as chunks come: the
    // upload advances and falls back. Progress that is taken back must not renew the budget.
    ResumableFixture.Fault[] seesaw = new ResumableFixture.Fault[400];
    for (int i = 0; i < seesaw.length; i++) {
      seesaw[i] = claim(i % 2 == 0 ? 256 * KIB : 512 * KIB);
    }
    fixture.onChunk(seesaw);
    ResumableUpload<Video> upload =
        upload(context, MediaContent.of(file()), UploadOptions.defaults().withChunkSize(256 * KIB));

    Throwable failure = catchThrowable(upload::execute);

    // Two chunks advance the furthest byte to 512 KiB; then 6 attempts (the policy's 5 retries
    // and one) bring nothing beyond it.
    assertThat(fixture.requests(Kind.CHUNK)).as("chunk PUTs").hasSize(8);
    assertThat(failure)
        .isInstanceOf(MediaException.class)
        .hasMessageContaining("524288")
        .hasMessageContaining("6 attempts");
    assertThat(upload.state()).isEqualTo(ResumableUpload.State.FAILED);
    assertThat(sleeper.delays()).hasSize(5);
  }

  @ParameterizedTest
  @ValueSource(ints = {404, 410})
  void anExpiredSessionStartsANewOneOnceAndSendsEverythingAgain(int status) {
    Path file = file();
    fixture.onChunk(pass(), pass(), expire(status));

    ResumableUpload<Video> upload = upload(MediaContent.of(file));
    Video video = upload.execute();

    assertHolds(TestData.sha256(file), video);
    assertThat(fixture.requests(Kind.INITIATE)).hasSize(2);
    assertThat(upload.sessionUri()).get().asString().endsWith("upload_id=s-2");
    assertThat(fixture.sessions().get(1).held()).isEqualTo(SIZE);
  }

  @Test
  void aSessionThatExpiresTwiceFailsWithTheTypedError() {
    fixture.onChunk(pass(), expire(404), expire(404));

    ResumableUpload<Video> upload = upload(MediaContent.of(file()));

    assertThatThrownBy(upload::execute)
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    assertThat(upload.state()).isEqualTo(ResumableUpload.State.FAILED);
    assertThat(fixture.requests(Kind.INITIATE)).hasSize(2);
  }

  @Test
  void anExpiredSessionOfAStreamThatMovedOnCannotStartAgain() throws Exception {
    fixture.onChunk(pass(), expire(410));

    try (InputStream in = Files.newInputStream(file())) {
      ResumableUpload<Video> upload = upload(MediaContent.of(in, "video/mp4", SIZE));
      assertThatThrownBy(upload::execute)
          .isInstanceOfSatisfying(
              io.github.jyoutube.error.ApiException.class,
              e -> assertThat(e.statusCode()).isEqualTo(410));
    }
    assertThat(fixture.requests(Kind.INITIATE)).hasSize(1);
  }

  @Test
  void anotherClientErrorFailsAtOnceWithItsTypedException() {
    fixture.onChunk(pass(), new ResumableFixture.Status(403, "forbidden"));

    ResumableUpload<Video> upload = upload(MediaContent.of(file()));

    assertThatThrownBy(upload::execute)
        .isInstanceOfSatisfying(
            ForbiddenException.class, e -> assertThat(e.reason()).isEqualTo("forbidden"));
    assertThat(upload.state()).isEqualTo(ResumableUpload.State.FAILED);
    assertThat(sleeper.delays()).isEmpty();
    assertThat(fixture.requests(Kind.CHUNK)).hasSize(2);
  }

  @Test
  void aPersistentServerErrorEndsAfterTheRetryPolicysRetries() {
    fixture.onChunk(
        status(503), status(503), status(503), status(503), status(503), status(503), pass());

    ResumableUpload<Video> upload = upload(MediaContent.of(file()));

    assertThatThrownBy(upload::execute).isInstanceOf(ServerErrorException.class);
    assertThat(sleeper.delays()).hasSize(5);
    assertThat(fixture.requests(Kind.CHUNK)).hasSize(6);
  }

  @Test
  void theSessionOpeningPostIsNotSentAgainOnceItMayHaveArrived() {
    fixture.onInitiate(503);

    assertThatThrownBy(() -> upload(MediaContent.of(file())).execute())
        .isInstanceOf(ServerErrorException.class);
    assertThat(fixture.requests(Kind.INITIATE)).hasSize(1);
    assertThat(sleeper.delays()).isEmpty();
  }

  @Test
  void a401OnAChunkRenewsTheTokenAndSendsTheChunkAgain() {
    Path file = file();
    ResumableUpload<Video> upload =
        upload(
            context,
            MediaContent.of(file),
            UploadOptions.defaults()
                .withChunkSize(CHUNK)
                .withProgress(
                    (done, total, rate) -> {
                      if (done == 2L * MIB) {
                        // The token is revoked after the second chunk.
                        fixture.acceptToken("ya29.t1").nextToken("ya29.t1");
                      }
                    }));

    Video video = upload.execute();

    assertHolds(TestData.sha256(file), video);
    assertThat(fixture.requests(Kind.TOKEN)).hasSize(1);
    List<Request> chunks = fixture.requests(Kind.CHUNK);
    assertThat(chunks.get(1).header("authorization")).isEqualTo("Bearer ya29.t0");
    assertThat(chunks.get(2).header("authorization")).isEqualTo("Bearer ya29.t1");
    assertThat(ranges(chunks).get(2)).isEqualTo("bytes 2097152-3145727/5243003");
    assertThat(fixture.requests())
        .filteredOn(r -> r.kind() != Kind.TOKEN)
        .allSatisfy(r -> assertThat(r.header("authorization")).startsWith("Bearer ya29.t"));
  }

  @Test
  void aNewClientResumesAnUploadAnotherClientStarted() throws Exception {
    Path file = file();
    ResumableUpload<Video> first =
        upload(
            context,
            MediaContent.of(file),
            UploadOptions.defaults()
                .withChunkSize(CHUNK)
                .withProgress(
                    (done, total, rate) -> {
                      if (done >= 2L * MIB) {
                        throw new IllegalStateException("the process dies");
                      }
                    }));
    assertThatThrownBy(first::execute).hasMessage("the process dies");
    assertThat(first.state()).isEqualTo(ResumableUpload.State.FAILED);
    java.net.URI session = first.sessionUri().orElseThrow();
    int before = fixture.requests().size();

    // Another client, with its own connection pool and token, and the file as a stream.
    ClientContext other = TestClients.context(fixture.endpoints(), new RecordingSleeper(), TOKEN);
    try (InputStream in = Files.newInputStream(file)) {
      ResumableUpload<Video> resumed =
          ResumableUpload.resume(
              other,
              session,
              MediaContent.of(in, "video/mp4", SIZE),
              UploadOptions.defaults().withChunkSize(CHUNK),
              Video.class);
      assertThat(resumed.state()).isEqualTo(ResumableUpload.State.INITIATED);
      Video video = resumed.execute();
      assertHolds(TestData.sha256(file), video);
    }

    List<Request> second = fixture.requests().subList(before, fixture.requests().size());
    assertThat(second.get(0).kind()).isEqualTo(Kind.STATUS);
    assertThat(second.get(1).header("content-range")).isEqualTo("bytes 2097152-3145727/5243003");
    assertThat(fixture.requests(Kind.INITIATE)).hasSize(1);
    assertThat(fixture.chunkBytesReceived()).isEqualTo(SIZE); // no byte went twice
  }

  @Test
  void executeAgainAfterAFailureResumesTheSameSession() {
    Path file = file();
    fixture.onChunk(pass(), new ResumableFixture.Status(403, "forbidden"));
    ResumableUpload<Video> upload = upload(MediaContent.of(file));
    assertThatThrownBy(upload::execute).isInstanceOf(ForbiddenException.class);

    Video video = upload.execute();

    assertHolds(TestData.sha256(file), video);
    assertThat(fixture.requests(Kind.INITIATE)).hasSize(1);
    assertThat(fixture.requests(Kind.STATUS)).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(longs = {4L * 256 * KIB, 4L * 256 * KIB + 1, 100, 0})
  void aStreamOfUnknownLengthSaysItsTotalWithItsLastChunk(long length) {
    byte[] bytes = TestData.bytes((int) length, 3);
    ResumableUpload<Video> upload =
        upload(
            context,
            MediaContent.of(new java.io.ByteArrayInputStream(bytes), "video/webm", -1),
            UploadOptions.defaults().withChunkSize(256 * KIB));

    Video video = upload.execute();

    assertHolds(TestData.sha256(bytes), video);
    assertThat(fixture.requests(Kind.INITIATE).get(0).header("x-upload-content-length")).isNull();
    List<String> ranges = ranges(fixture.requests(Kind.CHUNK));
    if (length == 0) {
      assertThat(fixture.requests(Kind.STATUS)).hasSize(1);
      assertThat(fixture.requests(Kind.STATUS).get(0).header("content-range"))
          .isEqualTo("bytes */0");
      return;
    }
    assertThat(ranges.subList(0, ranges.size() - 1)).allMatch(r -> r.endsWith("/*"));
    assertThat(ranges.get(ranges.size() - 1)).endsWith("-" + (length - 1) + "/" + length);
  }

  @Test
  void byDefaultALargeFileGoesInOneRequestAndResumesFromWhatTheServerHolds() {
    Path file = TestData.file(dir, "large.mp4", 9 * 1024 * 1024 + 5, 3);
    fixture.onChunk(cutAfter(3_000_000));

    Video video = upload(context, MediaContent.of(file), UploadOptions.defaults()).execute();

    assertHolds(TestData.sha256(file), video);
    assertThat(ranges(fixture.requests(Kind.CHUNK)))
        .containsExactly("bytes 0-9437188/9437189", "bytes 3000000-9437188/9437189");
  }

  @Test
  void byDefaultAProgressListenerBringsChunksAndIsToldAfterEach() {
    Path file = TestData.file(dir, "large.mp4", 9 * 1024 * 1024 + 5, 3);
    List<Long> told = new java.util.concurrent.CopyOnWriteArrayList<>();

    Video video =
        upload(
                context,
                MediaContent.of(file),
                UploadOptions.defaults().withProgress((held, total, rate) -> told.add(held)))
            .execute();

    assertHolds(TestData.sha256(file), video);
    assertThat(ranges(fixture.requests(Kind.CHUNK)))
        .containsExactly("bytes 0-8388607/9437189", "bytes 8388608-9437188/9437189");
    assertThat(told).contains(8_388_608L, 9_437_189L);
  }

  @Test
  void withoutChunksTheFileGoesInOneStreamedRequestAndResumesBySeeking() {
    Path file = file();
    fixture.onChunk(cutAfter(2_000_000));

    Video video =
        upload(context, MediaContent.of(file), UploadOptions.defaults().withoutChunks()).execute();

    assertHolds(TestData.sha256(file), video);
    assertThat(ranges(fixture.requests(Kind.CHUNK)))
        .containsExactly("bytes 0-5243002/5243003", "bytes 2000000-5243002/5243003");
  }

  @Test
  void withoutChunksAStreamGoesStraightThrough() throws Exception {
    Path file = file();

    try (InputStream in = Files.newInputStream(file)) {
      Video video =
          upload(
                  context,
                  MediaContent.of(in, "video/mp4", SIZE),
                  UploadOptions.defaults().withoutChunks())
              .execute();
      assertHolds(TestData.sha256(file), video);
    }
    assertThat(ranges(fixture.requests(Kind.CHUNK))).containsExactly("bytes 0-5243002/5243003");
  }

  @Test
  void withoutChunksAStreamCannotGoBackAfterACut() throws Exception {
    fixture.onChunk(cutAfter(1));

    try (InputStream in = Files.newInputStream(file())) {
      ResumableUpload<Video> upload =
          upload(
              context,
              MediaContent.of(in, "video/mp4", SIZE),
              UploadOptions.defaults().withoutChunks());
      assertThatThrownBy(upload::execute)
          .isInstanceOf(io.github.jyoutube.error.MediaException.class)
          .hasMessageContaining("cannot go back");
      assertThat(upload.state()).isEqualTo(ResumableUpload.State.FAILED);
    }
    assertThat(fixture.requests(Kind.STATUS)).hasSize(1); // it asked before giving up
  }

  @Test
  void progressIsToldTheAcknowledgedBytesAfterEachChunk() {
    Path file = file();
    fixture.onChunk(pass(), keepOnly(500_000));
    List<long[]> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Double> rates = new java.util.concurrent.CopyOnWriteArrayList<>();

    upload(
            context,
            MediaContent.of(file),
            UploadOptions.defaults()
                .withChunkSize(CHUNK)
                .withProgress(
                    (done, total, rate) -> {
                      seen.add(new long[] {done, total});
                      rates.add(rate);
                    }))
        .execute();

    assertThat(seen.stream().map(p -> p[0]).toList())
        .containsExactly(1048576L, 1548576L, 2597152L, 3645728L, 4694304L, 5243003L)
        .isSorted();
    assertThat(seen).allSatisfy(p -> assertThat(p[1]).isEqualTo(SIZE));
    assertThat(rates).allSatisfy(rate -> assertThat(rate).isGreaterThanOrEqualTo(0));
    assertThat(rates.get(rates.size() - 1)).isPositive();
  }

  @Test
  void aSmallArrayGoesInOneChunkAndASessionUriCanBeLearnedFirst() {
    byte[] bytes = TestData.bytes(1000, 9);
    ResumableUpload<Video> upload = upload(MediaContent.of(bytes, "application/octet-stream"));

    java.net.URI session = upload.initiate();
    assertThat(upload.state()).isEqualTo(ResumableUpload.State.INITIATED);
    assertThat(fixture.requests(Kind.CHUNK)).isEmpty();
    assertThat(upload.initiate()).isEqualTo(session);

    assertHolds(TestData.sha256(bytes), upload.execute());
    assertThat(ranges(fixture.requests(Kind.CHUNK))).containsExactly("bytes 0-999/1000");
  }
}
