package io.github.jyoutube.bench;

import com.google.api.client.googleapis.media.MediaHttpUploader;
import com.google.api.client.http.FileContent;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.youtube.YouTube;
import com.sun.management.GarbageCollectionNotificationInfo;
import io.github.jyoutube.Endpoints;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.media.MediaContent;
import io.github.jyoutube.media.UploadOptions;
import io.github.jyoutube.model.Video;
import io.github.jyoutube.model.VideoSnippet;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * One upload in its own JVM, run by {@link UploadBenchmark}: a warm-up upload of a small file, then
 * the measured upload of the large one, with the same client. Prints {@code key=value} lines: the
 * server's id of the upload, the seconds it took, and the heap: the peak in use (sampled every 2
 * ms) and the peak left after a collection (the live set), both from the start of the measured
 * upload.
 *
 * <p>Arguments: {@code CLIENT BASE_URI FILE WARMUP_FILE CHUNK_BYTES}, CLIENT one of {@code
 * jyoutube} (its defaults: one request for a file), {@code jyoutube-chunks} (chunks of
 * CHUNK_BYTES), {@code google} (chunks of CHUNK_BYTES), {@code bare}.
 */
public final class UploadChild {

  private UploadChild() {}

  public static void main(String[] args) throws Exception {
    String client = args[0];
    URI base = URI.create(args[1]);
    Path file = Path.of(args[2]);
    Path warmup = Path.of(args[3]);
    int chunk = Integer.parseInt(args[4]);

    upload(client, base, warmup, chunk);
    System.gc();
    HeapWatch watch = HeapWatch.start();
    long started = System.nanoTime();
    String id = upload(client, base, file, chunk);
    double seconds = (System.nanoTime() - started) / 1e9;
    watch.stop();
    System.out.println("id=" + id);
    System.out.printf("seconds=%.3f%n", seconds);
    System.out.println("peakHeapUsed=" + watch.peakUsed.get());
    System.out.println("peakLiveAfterGc=" + watch.peakAfterGc.get());
    System.out.println("maxHeap=" + Runtime.getRuntime().maxMemory());
  }

  private static String upload(String client, URI base, Path file, int chunk) throws Exception {
    return switch (client) {
      // The defaults: a file goes in one request of the resumable session.
      case "jyoutube" -> jyoutube(base, file, UploadOptions.defaults());
      case "jyoutube-chunks" -> jyoutube(base, file, UploadOptions.defaults().withChunkSize(chunk));
      case "google" -> google(base, file, chunk);
      case "bare" -> bare(base, file);
      default -> throw new IllegalArgumentException("unknown client " + client);
    };
  }

  /** jyoutube's resumable upload, through the public API: videos().insert(video, media). */
  private static String jyoutube(URI base, Path file, UploadOptions options) {
    YouTubeClient client =
        YouTubeClient.builder().accessToken("bench-token").endpoints(Endpoints.at(base)).build();
    Video video =
        client
            .videos()
            .insert(
                Video.builder().snippet(VideoSnippet.builder().title("bench").build()).build(),
                MediaContent.of(file, "video/mp4"))
            .uploadOptions(options)
            .execute();
    return video.id();
  }

  /** The official client: YouTube.Videos.Insert with MediaHttpUploader, resumable, in chunks. */
  private static String google(URI base, Path file, int chunk) throws Exception {
    YouTube youtube =
        new YouTube.Builder(
                new NetHttpTransport(),
                GsonFactory.getDefaultInstance(),
                request -> request.getHeaders().setAuthorization("Bearer bench-token"))
            .setRootUrl(base.toString())
            .setApplicationName("jyoutube-bench")
            .build();
    com.google.api.services.youtube.model.Video metadata =
        new com.google.api.services.youtube.model.Video()
            .setSnippet(new com.google.api.services.youtube.model.VideoSnippet().setTitle("bench"));
    YouTube.Videos.Insert insert =
        youtube
            .videos()
            .insert(List.of("snippet"), metadata, new FileContent("video/mp4", file.toFile()));
    MediaHttpUploader uploader = insert.getMediaHttpUploader();
    uploader.setDirectUploadEnabled(false);
    uploader.setChunkSize(chunk);
    return insert.execute().getId();
  }

  /** The baseline: the whole file in one java.net.http PUT. */
  private static String bare(URI base, Path file) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve("bare"))
                .PUT(HttpRequest.BodyPublishers.ofFile(file))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String body = response.body();
    int at = body.indexOf("\"id\":\"") + 6;
    return body.substring(at, body.indexOf('"', at));
  }

  /** Samples the heap in use, and listens for the heap left after each collection. */
  private static final class HeapWatch {
    final AtomicLong peakUsed = new AtomicLong();
    final AtomicLong peakAfterGc = new AtomicLong();
    private final Thread sampler;

    private HeapWatch() {
      Set<String> heapPools =
          ManagementFactory.getMemoryPoolMXBeans().stream()
              .filter(pool -> pool.getType() == MemoryType.HEAP)
              .map(MemoryPoolMXBean::getName)
              .collect(Collectors.toSet());
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) gc)
            .addNotificationListener(
                (notification, handback) -> {
                  if (!notification
                      .getType()
                      .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                  }
                  GarbageCollectionNotificationInfo info =
                      GarbageCollectionNotificationInfo.from(
                          (CompositeData) notification.getUserData());
                  long after = 0;
                  for (Map.Entry<String, MemoryUsage> pool :
                      info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (heapPools.contains(pool.getKey())) {
                      after += pool.getValue().getUsed();
                    }
                  }
                  peakAfterGc.accumulateAndGet(after, Math::max);
                },
                null,
                null);
      }
      sampler =
          new Thread(
              () -> {
                var memory = ManagementFactory.getMemoryMXBean();
                while (!Thread.currentThread().isInterrupted()) {
                  peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                  try {
                    Thread.sleep(2);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "heap-sampler");
      sampler.setDaemon(true);
    }

    static HeapWatch start() {
      HeapWatch watch = new HeapWatch();
      watch.sampler.start();
      return watch;
    }

    void stop() {
      sampler.interrupt();
      peakUsed.accumulateAndGet(
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
    }
  }
}
