package io.github.jyoutube.media;

import io.github.jyoutube.Endpoints;
import io.github.jyoutube.http.ClientContext;
import io.github.jyoutube.model.Video;
import io.github.jyoutube.testing.RecordingSleeper;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

/**
 * Run in a child JVM by {@link LargeUploadTest}: uploads a generated stream or a file of the given
 * size to the fixture at the given base URI, and prints the SHA-256 of the bytes it read from the
 * source, the resource id, the heap's limit and its peak use (sampled every 5 ms; the sum of the
 * pools' own peaks, which peak at different times, is printed too).
 *
 * <p>Arguments: {@code BASE_URI SIZE stream|file [FILE]}.
 */
public final class LargeUploadMain {

  private LargeUploadMain() {}

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    long size = Long.parseLong(args[1]);
    ClientContext context =
        TestClients.context(Endpoints.at(base), new RecordingSleeper(), "ya29.t0");
    MessageDigest digest = ResumableFixture.sha256Digest();
    MediaContent media;
    if (args[2].equals("stream")) {
      media =
          MediaContent.of(
              new DigestInputStream(TestData.stream(size, 11), digest), "video/mp4", size);
    } else {
      media = MediaContent.of(Path.of(args[3]), "video/mp4");
    }
    java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    java.util.concurrent.atomic.AtomicLong sampled = new java.util.concurrent.atomic.AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                sampled.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    long started = System.nanoTime();
    Video video =
        Uploads.upload(
                context,
                "POST",
                "videos",
                Map.of("part", "snippet"),
                Video.builder().id(null).build(),
                null,
                media,
                MediaLimits.VIDEOS_INSERT,
                UploadOptions.defaults(),
                Video.class)
            .execute();
    double seconds = (System.nanoTime() - started) / 1e9;
    sampler.interrupt();
    long poolPeaks = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        poolPeaks += pool.getPeakUsage().getUsed();
      }
    }
    System.out.println("id=" + video.id());
    if (args[2].equals("stream")) {
      System.out.println("sha256=" + HexFormat.of().formatHex(digest.digest()));
    }
    System.out.println("maxHeap=" + Runtime.getRuntime().maxMemory());
    System.out.println("peakHeapSampled=" + sampled.get());
    System.out.println("sumOfPoolPeaks=" + poolPeaks);
    System.out.printf("seconds=%.2f%n", seconds);
  }
}
