package io.github.jyoutube.emulator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.auth.Scopes;
import io.github.jyoutube.emulator.Account;
import io.github.jyoutube.emulator.YouTubeEmulator;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads much larger than the emulator's heap, several at once, are all answered: a child JVM runs
 * the emulator with a 64 MiB heap, and four clients upload 128 MiB each at the same time, by each
 * protocol (multipart, simple, resumable in one piece and in two). Every upload is answered with
 * the video, whose size is the size sent; the emulator logs no {@code OutOfMemoryError} and answers
 * on. An upload the emulator cannot store is answered 503, not left without an answer.
 */
class UploadMemoryTest {

  private static final String HEAP = "64m";
  private static final long SIZE = 128L * 1024 * 1024;
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(60);

  @Test
  @Timeout(300)
  void concurrentUploadsLargerThanTheHeapAreAllAnswered(@TempDir Path dir) throws Exception {
    try (Child child = Child.start(HEAP, dir, "child", "--auto-approve")) {
      String token =
          child.signIn(
              "https://www.googleapis.com/auth/youtube"
                  + " https://www.googleapis.com/auth/youtube.upload");
      List<Supplier<Child.Answer>> uploads =
          List.of(
              () -> multipart(child, token),
              () -> simple(child, token),
              () -> resumable(child, token, 1),
              () -> resumable(child, token, 2));
      ExecutorService pool = Executors.newFixedThreadPool(uploads.size());
      long began = System.nanoTime();
      List<Future<Child.Answer>> answers = new ArrayList<>();
      for (Supplier<Child.Answer> upload : uploads) {
        answers.add(pool.submit(upload::get));
      }
      List<String> videos = new ArrayList<>();
      List<String> problems = new ArrayList<>();
      for (int i = 0; i < answers.size(); i++) {
        try {
          Child.Answer answer =
              answers.get(i).get(ANSWER_WITHIN.toSeconds() + 30, TimeUnit.SECONDS);
          if (answer.status() / 100 == 2) {
            videos.add(answer.json().path("id").asText());
          } else {
            problems.add("upload " + i + ": " + answer.status() + " " + answer.body());
          }
        } catch (java.util.concurrent.ExecutionException e) {
          problems.add("upload " + i + ": " + e.getCause());
        }
      }
      long seconds = (System.nanoTime() - began) / 1_000_000_000;
      pool.shutdownNow();
      System.out.printf(
          Locale.ROOT,
          "UPLOADS %d x %d MiB at -Xmx%s: %d answered with a video in %d s%n",
          uploads.size(),
          SIZE >> 20,
          HEAP,
          videos.size(),
          seconds);
      assertThat(problems).as("uploads without their video").isEmpty();
      assertThat(child.errors()).doesNotContain("OutOfMemoryError");

      Child.Answer listed =
          child.get("youtube/v3/videos?part=fileDetails&id=" + String.join(",", videos), token);
      assertThat(listed.status()).as(listed.body()).isEqualTo(200);
      assertThat(listed.json().path("items")).hasSize(uploads.size());
      listed
          .json()
          .path("items")
          .forEach(
              video ->
                  assertThat(video.at("/fileDetails/fileSize").asLong())
                      .as(video.path("id").asText())
                      .isEqualTo(SIZE));
      assertThat(child.process.isAlive()).isTrue();
    }
  }

  @Test
  void anUploadThatCannotBeStoredIsAnswered503(@TempDir Path dir) throws Exception {
    // The spool directory cannot be made: a file is in its way, as a full or broken disk would.
    Files.writeString(Files.createDirectories(dir).resolve("spool"), "in the way");
    try (YouTubeEmulator emulator = YouTubeEmulator.builder().dataDirectory(dir).start()) {
      String token = emulator.accessToken(Account.ALICE, Scopes.YOUTUBE_UPLOAD);
      HttpRequest upload =
          HttpRequest.newBuilder(
                  emulator.baseUri().resolve("upload/youtube/v3/videos?uploadType=media&part=id"))
              .timeout(ANSWER_WITHIN)
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "video/mp4")
              // 32 MiB: still being sent when the emulator gives up on the first bytes, so the
              // answer must wait for the rest (a reset instead of a 503 was the bug).
              .POST(body(32 << 20, () -> new Pattern(32 << 20)))
              .build();
      Child.Answer refused = Child.send(upload);
      assertThat(refused.status()).as(refused.body()).isEqualTo(503);
      assertThat(refused.json().at("/error/errors/0/reason").asText()).isEqualTo("backendError");
      assertThat(refused.json().at("/error/message").asText())
          .startsWith("The emulator could not store the upload: ");

      // Out of the way, the next upload is stored.
      Files.delete(dir.resolve("spool"));
      Child.Answer stored = Child.send(upload);
      assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    }
  }

  private static Child.Answer multipart(Child child, String token) {
    String boundary = "memory-test-boundary";
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n"
                + "{\"snippet\":{\"title\":\"multipart\"},\"status\":{\"privacyStatus\":\"private\"}}"
                + "\r\n--"
                + boundary
                + "\r\nContent-Type: video/mp4\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    return Child.send(
        child
            .request("upload/youtube/v3/videos?uploadType=multipart&part=snippet,status")
            .timeout(ANSWER_WITHIN)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/related; boundary=" + boundary)
            .POST(
                body(
                    head.length + SIZE + tail.length,
                    () ->
                        new SequenceInputStream(
                            new SequenceInputStream(
                                new ByteArrayInputStream(head), new Pattern(SIZE)),
                            new ByteArrayInputStream(tail))))
            .build());
  }

  private static Child.Answer simple(Child child, String token) {
    return Child.send(
        child
            .request("upload/youtube/v3/videos?uploadType=media&part=snippet")
            .timeout(ANSWER_WITHIN)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "video/mp4")
            .POST(body(SIZE, () -> new Pattern(SIZE)))
            .build());
  }

  /** A resumable upload in {@code pieces} PUTs. */
  private static Child.Answer resumable(Child child, String token, int pieces) {
    Child.Answer start =
        Child.send(
            child
                .request("upload/youtube/v3/videos?uploadType=resumable&part=snippet")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("X-Upload-Content-Length", String.valueOf(SIZE))
                .header("X-Upload-Content-Type", "video/mp4")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"snippet\":{\"title\":\"resumable in " + pieces + "\"}}"))
                .build());
    assertThat(start.status()).as(start.body()).isEqualTo(200);
    String session = start.header("Location");
    long piece = SIZE / pieces;
    Child.Answer answer = null;
    for (int i = 0; i < pieces; i++) {
      long first = i * piece;
      long length = i == pieces - 1 ? SIZE - first : piece;
      answer =
          Child.send(
              child
                  .request(session)
                  .timeout(ANSWER_WITHIN)
                  .header(
                      "Content-Range", "bytes " + first + "-" + (first + length - 1) + "/" + SIZE)
                  .PUT(body(length, () -> new Pattern(length)))
                  .build());
      if (i < pieces - 1 && answer.status() != 308) {
        return answer;
      }
    }
    return answer;
  }

  private static HttpRequest.BodyPublisher body(long length, Supplier<InputStream> stream) {
    return HttpRequest.BodyPublishers.fromPublisher(
        HttpRequest.BodyPublishers.ofInputStream(stream), length);
  }

  /** {@code size} bytes of a repeating pattern, made as they are read. */
  private static final class Pattern extends InputStream {
    private long left;

    Pattern(long size) {
      this.left = size;
    }

    @Override
    public int read() {
      if (left <= 0) {
        return -1;
      }
      return (int) (left-- % 251);
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left <= 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      for (int i = 0; i < n; i++) {
        b[off + i] = (byte) ((left - i) % 251);
      }
      left -= n;
      return n;
    }
  }
}
