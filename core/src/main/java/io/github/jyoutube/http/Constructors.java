package io.github.jyoutube.http;

import io.github.jyoutube.media.MediaContent;
import io.github.jyoutube.media.MediaLimits;
import io.github.jyoutube.media.ResumableUpload;
import io.github.jyoutube.media.UploadOptions;
import io.github.jyoutube.push.PushNotifications;
import java.lang.invoke.MethodHandles;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The constructors of exported classes that take this package's types, for the client's other
 * packages.
 *
 * <p>The module does not export this package, so a public constructor or factory that takes one of
 * its types would put an internal type into the API. Such a class keeps its constructor
 * package-private and hands it over here from its static initializer; the package that makes the
 * instances (the client makes its resources, a media request its upload) asks for it here, which
 * initializes the class first. This is the JDK's own way between its packages ({@code
 * SharedSecrets}).
 */
public final class Constructors {

  /** A resource class's constructor: a resource whose requests go through {@code context}. */
  @FunctionalInterface
  public interface OfResource {
    /**
     * Makes the resource.
     *
     * @param context the client's executor and base URLs
     * @return the resource
     */
    Object make(ClientContext context);
  }

  /** The constructor of {@link PushNotifications}. */
  @FunctionalInterface
  public interface OfPushNotifications {
    /**
     * Makes the service.
     *
     * @param executor sends the requests, with the client's transport and retry policy
     * @param hub the hub's subscription endpoint
     * @return the service
     */
    PushNotifications make(HttpExecutor executor, URI hub);
  }

  /** The factory of a {@link ResumableUpload} that opens a session. */
  @FunctionalInterface
  public interface UploadStart {
    /**
     * An upload that opens its session with {@code initiation} when it starts.
     *
     * @param <T> the type of the answer to the last request
     * @param context the client's executor and base URLs
     * @param initiation the session-opening call
     * @param media the bytes
     * @param limits what the method accepts, or {@code null} for no check
     * @param options chunking, progress, timeouts
     * @param responseType the resource of the final answer; {@code Void.class} for none
     * @return the upload, not started
     */
    <T> ResumableUpload<T> start(
        ClientContext context,
        HttpCall initiation,
        MediaContent media,
        MediaLimits limits,
        UploadOptions options,
        Class<T> responseType);
  }

  /** The factory of a {@link ResumableUpload} that continues a session begun elsewhere. */
  @FunctionalInterface
  public interface UploadResume {
    /**
     * An upload that continues the session at {@code sessionUri}.
     *
     * @param <T> the type of the answer to the last request
     * @param context the client's executor and base URLs
     * @param sessionUri the session URI
     * @param media the same bytes as the upload that began it
     * @param options chunking, progress, timeouts
     * @param responseType the resource of the final answer
     * @return the upload, its session initiated
     */
    <T> ResumableUpload<T> resume(
        ClientContext context,
        URI sessionUri,
        MediaContent media,
        UploadOptions options,
        Class<T> responseType);
  }

  /** What each class handed over, by the class, then by the kind of constructor. */
  private static final ConcurrentMap<Class<?>, ConcurrentMap<Class<?>, Object>> HANDED_OVER =
      new ConcurrentHashMap<>();

  private Constructors() {}

  /**
   * Hands over a constructor of {@code type}; called from {@code type}'s static initializer.
   *
   * @param <F> the kind of constructor
   * @param type the class the constructor makes
   * @param kind the kind of constructor, one of the interfaces of this class
   * @param constructor the constructor
   */
  public static <F> void handOver(Class<?> type, Class<F> kind, F constructor) {
    HANDED_OVER
        .computeIfAbsent(type, t -> new ConcurrentHashMap<>())
        .put(kind, kind.cast(Objects.requireNonNull(constructor, "constructor == null")));
  }

  /**
   * The constructor of {@code type} of that kind, once {@code type} is initialized.
   *
   * @param <F> the kind of constructor
   * @param type the class the constructor makes
   * @param kind the kind of constructor
   * @return the constructor
   * @throws IllegalStateException if {@code type} hands over no such constructor
   */
  public static <F> F of(Class<?> type, Class<F> kind) {
    Object constructor = find(type, kind);
    if (constructor == null) {
      try {
        MethodHandles.lookup().ensureInitialized(type);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot initialize " + type.getName(), e);
      }
      constructor = find(type, kind);
      if (constructor == null) {
        throw new IllegalStateException(
            type.getName() + " hands over no " + kind.getSimpleName() + " constructor");
      }
    }
    return kind.cast(constructor);
  }

  /**
   * A new resource of class {@code type}.
   *
   * @param <R> the resource class
   * @param type the resource class
   * @param context the client's executor and base URLs
   * @return the resource
   */
  public static <R> R resource(Class<R> type, ClientContext context) {
    return type.cast(of(type, OfResource.class).make(context));
  }

  private static Object find(Class<?> type, Class<?> kind) {
    ConcurrentMap<Class<?>, Object> constructors = HANDED_OVER.get(type);
    return constructors == null ? null : constructors.get(kind);
  }
}
