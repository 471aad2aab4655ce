package io.github.jyoutube.bench.jmh;

import com.google.api.client.json.gson.GsonFactory;
import io.github.jyoutube.Json;
import io.github.jyoutube.bench.Fixtures;
import io.github.jyoutube.model.VideoListResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding a {@code videos.list} answer of 50 videos with every part ({@link
 * Fixtures#videoListResponse}, ~110 KB of compact JSON) from UTF-8 bytes: jyoutube's {@link
 * Json#parse(byte[], Class)} into its records, and the official client's Gson-based parser into its
 * models, the way each client decodes an answer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecodeBenchmark {

  private byte[] json;

  @Setup
  public void setUp() {
    json = Fixtures.videoListResponse(50).getBytes(StandardCharsets.UTF_8);
    VideoListResponse ours = Json.parse(json, VideoListResponse.class);
    if (ours.items().size() != 50 || ours.items().get(49).statistics().viewCount() == null) {
      throw new IllegalStateException("the fixture does not decode as expected");
    }
  }

  @Benchmark
  public VideoListResponse jyoutube() {
    return Json.parse(json, VideoListResponse.class);
  }

  @Benchmark
  public com.google.api.services.youtube.model.VideoListResponse google() throws IOException {
    return GsonFactory.getDefaultInstance()
        .createJsonParser(new ByteArrayInputStream(json), StandardCharsets.UTF_8)
        .parseAndClose(com.google.api.services.youtube.model.VideoListResponse.class);
  }
}
