package io.github.jyoutube.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stand-ins for the hand-written types of {@code core} that generated code builds on, small enough
 * to compile with the generated sources in a test. The request stand-ins record their parameters
 * instead of sending them: {@code parameters()} returns them.
 */
final class StandIns {

  private StandIns() {}

  /** A hand-written client with the markers of the generated region, as the generator needs. */
  static final String CLIENT =
      """
      package io.github.jyoutube;

      import io.github.jyoutube.http.ClientContext;
      import io.github.jyoutube.resource.StaleResource;

      /** Stand-in for the hand-written client. */
      public final class YouTubeClient {

        private final ClientContext context;

        /**
         * Creates a client.
         *
         * @param context where requests go
         */
        public YouTubeClient(ClientContext context) {
          this.context = context;
        }

        /** Hand-written, kept. */
        public void handWritten() {}

        // <generated-resources>
        private StaleResource stale;
        // </generated-resources>
      }
      """;

  private static final String QUOTA_BUCKET =
      """
      package io.github.jyoutube;

      /** Stand-in. */
      public enum QuotaBucket {
        /** Stand-in. */
        DEFAULT,
        /** Stand-in. */
        SEARCH
      }
      """;

  private static final String QUOTA_COST =
      """
      package io.github.jyoutube;

      /**
       * Stand-in.
       *
       * @param bucket the bucket
       * @param units the units
       * @param estimated whether estimated
       */
      public record QuotaCost(QuotaBucket bucket, int units, boolean estimated) {}
      """;

  private static final String CLIENT_CONTEXT =
      """
      package io.github.jyoutube.http;

      /** Stand-in. */
      public final class ClientContext {}
      """;

  /** The hand-over of constructors that take internal types, as core's, for resources only. */
  private static final String CONSTRUCTORS =
      """
      package io.github.jyoutube.http;

      import java.lang.invoke.MethodHandles;
      import java.util.Map;
      import java.util.concurrent.ConcurrentHashMap;

      /** Stand-in. */
      public final class Constructors {

        /** Stand-in. */
        @FunctionalInterface
        public interface OfResource {
          /**
           * Stand-in.
           *
           * @param context the context
           * @return the resource
           */
          Object make(ClientContext context);
        }

        private static final Map<Class<?>, Object> HANDED_OVER = new ConcurrentHashMap<>();

        private Constructors() {}

        /**
         * Stand-in.
         *
         * @param <F> the kind
         * @param type the class
         * @param kind the kind
         * @param constructor the constructor
         */
        public static <F> void handOver(Class<?> type, Class<F> kind, F constructor) {
          HANDED_OVER.put(type, kind.cast(constructor));
        }

        /**
         * Stand-in.
         *
         * @param <R> the resource class
         * @param type the resource class
         * @param context the context
         * @return the resource
         */
        public static <R> R resource(Class<R> type, ClientContext context) {
          try {
            MethodHandles.lookup().ensureInitialized(type);
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
          return type.cast(((OfResource) HANDED_OVER.get(type)).make(context));
        }
      }
      """;

  private static final String METHOD_SPEC =
      """
      package io.github.jyoutube.resource;

      import io.github.jyoutube.QuotaCost;
      import java.util.List;

      record MethodSpec(
          String id,
          String httpMethod,
          String path,
          List<String> required,
          QuotaCost quota,
          List<String> scopes) {}
      """;

  private static final String API_REQUEST =
      """
      package io.github.jyoutube.resource;

      import com.fasterxml.jackson.core.JsonFactory;
      import com.fasterxml.jackson.core.JsonGenerator;
      import com.fasterxml.jackson.core.JsonParser;
      import io.github.jyoutube.QuotaCost;
      import io.github.jyoutube.model.ModelJson;
      import io.github.jyoutube.http.ClientContext;
      import java.io.IOException;
      import java.io.StringWriter;
      import java.io.UncheckedIOException;
      import java.time.Instant;
      import java.time.OffsetDateTime;
      import java.util.LinkedHashMap;
      import java.util.Map;
      import java.util.Set;
      import java.util.StringJoiner;

      /**
       * Stand-in that records its parameters.
       *
       * @param <T> the response type
       * @param <R> the request type
       */
      public abstract class ApiRequest<T, R extends ApiRequest<T, R>> {
        private static final JsonFactory FACTORY = new JsonFactory();
        private final MethodSpec spec;
        private final Class<T> responseType;
        private final Object body;
        private final Map<String, String> query = new LinkedHashMap<>();

        ApiRequest(ClientContext context, MethodSpec spec, Class<T> responseType, Object body) {
          this.spec = spec;
          this.responseType = responseType;
          this.body = body;
        }

        abstract R self();

        /** @return nothing: the stand-in sends nothing */
        public T execute() {
          return null;
        }

        /** @return the parameters set */
        public final Map<String, String> parameters() {
          return query;
        }

        /** @return the method id, HTTP method, path and required parameters */
        public final String spec() {
          return spec.id() + " " + spec.httpMethod() + " " + spec.path() + " " + spec.required();
        }

        /** @return the cost */
        public final QuotaCost quota() {
          return spec.quota();
        }

        /** @return the response type */
        public final Class<T> responseType() {
          return responseType;
        }

        /** @return the body */
        public final Object body() {
          return body;
        }

        final R set(String name, Object value) {
          if (value == null) {
            query.remove(name);
          } else {
            query.put(name, String.valueOf(value));
          }
          return self();
        }

        final R set(String name, Instant value) {
          return set(name, (Object) value);
        }

        final R set(String name, OffsetDateTime value) {
          return set(name, (Object) value);
        }

        final R setBounded(String name, long value, long minimum, long maximum) {
          if (value < minimum || value > maximum) {
            throw new IllegalArgumentException(name + " out of bounds: " + value);
          }
          return set(name, value);
        }

        final R setRepeated(String name, Object[] values) {
          StringJoiner joined = new StringJoiner(",");
          for (Object value : values) {
            joined.add(String.valueOf(value));
          }
          return set(name, joined.toString());
        }

        final R setRepeated(String name, Iterable<?> values) {
          StringJoiner joined = new StringJoiner(",");
          for (Object value : values) {
            joined.add(String.valueOf(value));
          }
          return set(name, joined.toString());
        }

        static <V> V required(String name, V value) {
          if (value == null || (value instanceof String text && text.isEmpty())) {
            throw new IllegalArgumentException("required parameter '" + name + "' is missing");
          }
          return value;
        }

        static String partsPresent(Object body, Set<String> parts) {
          StringJoiner joined = new StringJoiner(",");
          StringWriter text = new StringWriter();
          try (JsonGenerator out = FACTORY.createGenerator(text)) {
            ModelJson.write(out, body);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          try (JsonParser in = FACTORY.createParser(text.toString())) {
            in.nextToken();
            for (Object name : ((Map<?, ?>) ModelJson.readTree(in)).keySet()) {
              if (parts.contains(name)) {
                joined.add((String) name);
              }
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          if (joined.length() == 0) {
            throw new IllegalArgumentException("the body carries none of the parts " + parts);
          }
          return joined.toString();
        }
      }
      """;

  private static final String READ_REQUEST =
      """
      package io.github.jyoutube.resource;

      import io.github.jyoutube.http.ClientContext;

      /**
       * Stand-in.
       *
       * @param <T> the response type
       * @param <R> the request type
       */
      public abstract class ReadRequest<T, R extends ReadRequest<T, R>> extends ApiRequest<T, R> {
        ReadRequest(ClientContext context, MethodSpec spec, Class<T> responseType) {
          super(context, spec, responseType, null);
        }
      }
      """;

  private static final String MEDIA_CONTENT =
      """
      package io.github.jyoutube.media;

      /** Stand-in. */
      public final class MediaContent {
        private MediaContent() {}
      }
      """;

  private static final String MEDIA_LIMITS =
      """
      package io.github.jyoutube.media;

      import java.util.List;

      /**
       * Stand-in.
       *
       * @param method the method
       * @param accept the accepted types
       * @param maxSize the largest size
       */
      public record MediaLimits(String method, List<String> accept, long maxSize) {}
      """;

  private static final String MEDIA_REQUEST =
      """
      package io.github.jyoutube.resource;

      import io.github.jyoutube.http.ClientContext;
      import io.github.jyoutube.media.MediaContent;
      import io.github.jyoutube.media.MediaLimits;

      /**
       * Stand-in.
       *
       * @param <T> the response type
       * @param <R> the request type
       */
      public abstract class MediaRequest<T, R extends MediaRequest<T, R>> extends ApiRequest<T, R> {
        MediaRequest(
            ClientContext context,
            MethodSpec spec,
            Class<T> responseType,
            Object body,
            MediaContent media,
            MediaLimits limits) {
          super(context, spec, responseType, body);
        }
      }
      """;

  private static final String MEDIA_DOWNLOAD_REQUEST =
      """
      package io.github.jyoutube.resource;

      import io.github.jyoutube.http.ClientContext;

      /**
       * Stand-in.
       *
       * @param <R> the request type
       */
      public abstract class MediaDownloadRequest<R extends MediaDownloadRequest<R>>
          extends ReadRequest<byte[], R> {
        MediaDownloadRequest(ClientContext context, MethodSpec spec) {
          super(context, spec, byte[].class);
        }
      }
      """;

  private static final String PAGED_REQUEST =
      """
      package io.github.jyoutube.resource;

      import io.github.jyoutube.http.ClientContext;
      import io.github.jyoutube.paging.Page;

      /**
       * Stand-in.
       *
       * @param <T> the page type
       * @param <I> the item type
       * @param <R> the request type
       */
      public abstract class PagedRequest<T extends Page<I>, I, R extends PagedRequest<T, I, R>>
          extends ReadRequest<T, R> {
        private final int maxPageSize;

        PagedRequest(ClientContext context, MethodSpec spec, Class<T> responseType, int max) {
          super(context, spec, responseType);
          this.maxPageSize = max;
        }

        /**
         * @param pageToken the token
         * @return this request
         */
        public final R pageToken(String pageToken) {
          return set("pageToken", pageToken);
        }

        /** @return the largest page */
        public final int maxPageSize() {
          return maxPageSize;
        }
      }
      """;

  /** Writes the client stand-in under {@code root}. */
  static void writeClient(Path root) throws IOException {
    write(root, "io/github/jyoutube/YouTubeClient.java", CLIENT);
  }

  /** Writes the stand-ins the generated resources and the client need under {@code root}. */
  static void writeResourceSupport(Path root) throws IOException {
    write(root, "io/github/jyoutube/QuotaBucket.java", QUOTA_BUCKET);
    write(root, "io/github/jyoutube/QuotaCost.java", QUOTA_COST);
    write(root, "io/github/jyoutube/http/ClientContext.java", CLIENT_CONTEXT);
    write(root, "io/github/jyoutube/http/Constructors.java", CONSTRUCTORS);
    write(root, "io/github/jyoutube/resource/MethodSpec.java", METHOD_SPEC);
    write(root, "io/github/jyoutube/resource/ApiRequest.java", API_REQUEST);
    write(root, "io/github/jyoutube/resource/ReadRequest.java", READ_REQUEST);
    write(root, "io/github/jyoutube/resource/PagedRequest.java", PAGED_REQUEST);
    write(root, "io/github/jyoutube/media/MediaContent.java", MEDIA_CONTENT);
    write(root, "io/github/jyoutube/media/MediaLimits.java", MEDIA_LIMITS);
    write(root, "io/github/jyoutube/resource/MediaRequest.java", MEDIA_REQUEST);
    write(root, "io/github/jyoutube/resource/MediaDownloadRequest.java", MEDIA_DOWNLOAD_REQUEST);
  }

  static void write(Path root, String path, String content) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
