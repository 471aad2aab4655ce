package io.github.jyoutube.bench.jmh;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.youtube.YouTube;
import io.github.jyoutube.Endpoints;
import io.github.jyoutube.Json;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.model.Video;
import io.github.jyoutube.model.VideoListResponse;
import io.github.jyoutube.model.VideoSnippet;
import io.github.jyoutube.model.VideoStatus;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
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
 * Building and encoding a request, without a network.
 *
 * <ul>
 *   <li>{@code jyoutubeVideosList}: {@code cli.videos().list().id(...).part(...).execute()} through
 *       the whole client stack (parameters, URL encoding, executor, transport, {@code HttpRequest})
 *       to an in-memory {@link HttpClient} that answers {@code {}} at once: everything a call costs
 *       on the client but the socket;
 *   <li>{@code googleVideosList}: the official client's {@code
 *       videos().list(...).setId(...).buildHttpRequest()} (it stops before its transport);
 *   <li>{@code jyoutubeWriteVideo} and {@code googleWriteVideo}: a {@code Video} body with snippet
 *       and status, encoded to JSON bytes by each client's codec.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RequestBenchmark {

  private static final String[] IDS = {"dQw4w9WgXcQ", "kqtD5dpn9C8", "xPq2T9d4JkM", "9bZkp7q19f0"};
  private static final List<String> PARTS = List.of("snippet", "contentDetails", "statistics");

  private YouTubeClient cli;
  private YouTube youtube;
  private Video video;
  private com.google.api.services.youtube.model.Video googleVideo;

  @Setup
  public void setUp() {
    cli =
        YouTubeClient.builder()
            .accessToken("bench-token")
            .endpoints(Endpoints.at("http://127.0.0.1:9/"))
            .httpClient(new AnsweringClient())
            .build();
    youtube =
        new YouTube.Builder(
                new NetHttpTransport(),
                GsonFactory.getDefaultInstance(),
                request -> request.getHeaders().setAuthorization("Bearer bench-token"))
            .setRootUrl("http://127.0.0.1:9/")
            .setApplicationName("jyoutube-bench")
            .build();
    video =
        Video.builder()
            .snippet(
                VideoSnippet.builder()
                    .title("Road trip, day 3: the coast")
                    .description("From Porto to Lisbon along the coast, with a stop in Nazaré.")
                    .tags(List.of("road trip", "portugal", "coast"))
                    .categoryId("19")
                    .build())
            .status(
                VideoStatus.builder()
                    .privacyStatus(VideoStatus.PrivacyStatus.PRIVATE)
                    .embeddable(true)
                    .build())
            .build();
    googleVideo =
        new com.google.api.services.youtube.model.Video()
            .setSnippet(
                new com.google.api.services.youtube.model.VideoSnippet()
                    .setTitle("Road trip, day 3: the coast")
                    .setDescription("From Porto to Lisbon along the coast, with a stop in Nazaré.")
                    .setTags(List.of("road trip", "portugal", "coast"))
                    .setCategoryId("19"))
            .setStatus(
                new com.google.api.services.youtube.model.VideoStatus()
                    .setPrivacyStatus("private")
                    .setEmbeddable(true));
  }

  @Benchmark
  public VideoListResponse jyoutubeVideosList() {
    return cli.videos().list().id(IDS).part(PARTS.toArray(String[]::new)).execute();
  }

  @Benchmark
  public Object googleVideosList() throws IOException {
    return youtube.videos().list(PARTS).setId(List.of(IDS)).buildHttpRequest();
  }

  @Benchmark
  public byte[] jyoutubeWriteVideo() {
    return Json.writeBytes(video);
  }

  @Benchmark
  public byte[] googleWriteVideo() throws IOException {
    return GsonFactory.getDefaultInstance().toByteArray(googleVideo);
  }

  /** An {@link HttpClient} that answers every request at once with {@code 200 {}}. */
  static final class AnsweringClient extends HttpClient {
    private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);
    private static final HttpHeaders HEADERS =
        HttpHeaders.of(
            Map.of(
                "content-type",
                List.of("application/json; charset=UTF-8"),
                "content-length",
                List.of("2")),
            (name, value) -> true);

    @Override
    public <T> HttpResponse<T> send(
        HttpRequest request, HttpResponse.BodyHandler<T> responseBodyHandler) throws IOException {
      HttpResponse.BodySubscriber<T> subscriber =
          responseBodyHandler.apply(
              new HttpResponse.ResponseInfo() {
                @Override
                public int statusCode() {
                  return 200;
                }

                @Override
                public HttpHeaders headers() {
                  return HEADERS;
                }

                @Override
                public Version version() {
                  return Version.HTTP_1_1;
                }
              });
      subscriber.onSubscribe(
          new Flow.Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {}
          });
      subscriber.onNext(List.of(ByteBuffer.wrap(BODY)));
      subscriber.onComplete();
      T body = subscriber.getBody().toCompletableFuture().join();
      return new Answer<>(request, body);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request, HttpResponse.BodyHandler<T> responseBodyHandler) {
      try {
        return CompletableFuture.completedFuture(send(request, responseBodyHandler));
      } catch (IOException e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request,
        HttpResponse.BodyHandler<T> responseBodyHandler,
        HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
      return sendAsync(request, responseBodyHandler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
      return Optional.empty();
    }

    @Override
    public Optional<Duration> connectTimeout() {
      return Optional.empty();
    }

    @Override
    public Redirect followRedirects() {
      return Redirect.NEVER;
    }

    @Override
    public Optional<ProxySelector> proxy() {
      return Optional.empty();
    }

    @Override
    public SSLContext sslContext() {
      return null;
    }

    @Override
    public SSLParameters sslParameters() {
      return null;
    }

    @Override
    public Optional<Authenticator> authenticator() {
      return Optional.empty();
    }

    @Override
    public Version version() {
      return Version.HTTP_1_1;
    }

    @Override
    public Optional<Executor> executor() {
      return Optional.empty();
    }

    /** The answer {@link AnsweringClient} gives. */
    private record Answer<T>(HttpRequest request, T body) implements HttpResponse<T> {
      @Override
      public int statusCode() {
        return 200;
      }

      @Override
      public Optional<HttpResponse<T>> previousResponse() {
        return Optional.empty();
      }

      @Override
      public HttpHeaders headers() {
        return HEADERS;
      }

      @Override
      public Optional<SSLSession> sslSession() {
        return Optional.empty();
      }

      @Override
      public URI uri() {
        return request.uri();
      }

      @Override
      public Version version() {
        return Version.HTTP_1_1;
      }
    }
  }
}
