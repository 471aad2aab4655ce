package io.github.jyoutube.resource;

import io.github.jyoutube.http.ClientContext;
import io.github.jyoutube.http.Constructors;
import io.github.jyoutube.http.HttpCall;
import io.github.jyoutube.media.MediaContent;
import io.github.jyoutube.media.MediaLimits;
import io.github.jyoutube.media.ProgressListener;
import io.github.jyoutube.media.ResumableUpload;
import io.github.jyoutube.media.UploadOptions;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A request to a method that takes media, such as {@code videos.insert}: with media, {@link
 * #execute()} uploads it with Google's resumable protocol (chunks, resumed after a dropped
 * connection or a 5xx, a new session if the old one expired); without, it sends the metadata only.
 *
 * <p>The media's type and size are checked against the method's limits when the request is made,
 * before any byte is sent.
 *
 * @param <T> the response type
 * @param <R> the concrete request type
 */
public abstract class MediaRequest<T, R extends MediaRequest<T, R>> extends ApiRequest<T, R> {

  private final MediaContent media;
  private final MediaLimits limits;
  private UploadOptions options = UploadOptions.defaults();

  MediaRequest(
      ClientContext context,
      MethodSpec spec,
      Class<T> responseType,
      Object body,
      MediaContent media,
      MediaLimits limits) {
    super(context, spec, responseType, body);
    this.limits = Objects.requireNonNull(limits, "limits == null");
    this.media = media;
    if (media != null) {
      limits.check(media);
    }
  }

  /**
   * Chunking, progress and timeouts of the upload; by default one request for a file or an array, 8
   * MiB chunks for a stream or with a progress listener ({@link UploadOptions#defaults()}).
   *
   * @param options the upload's options
   * @return this request
   */
  public final R uploadOptions(UploadOptions options) {
    this.options = Objects.requireNonNull(options, "options == null");
    return self();
  }

  /**
   * The chunk size: a positive multiple of 256 KiB.
   *
   * @param bytes the chunk size, in bytes
   * @return this request
   */
  public final R chunkSize(int bytes) {
    return uploadOptions(options.withChunkSize(bytes));
  }

  /**
   * Called after each chunk with the bytes the server holds, the total and the throughput.
   *
   * @param listener the progress listener
   * @return this request
   */
  public final R progress(ProgressListener listener) {
    return uploadOptions(options.withProgress(listener));
  }

  /**
   * The upload, not yet started: for its session URI (to {@link
   * io.github.jyoutube.YouTubeClient#resumeUpload resume} it from another process), its state, or
   * to run it later.
   *
   * @return the upload, not yet started
   * @throws IllegalStateException if the request carries no media
   */
  public final ResumableUpload<T> upload() {
    if (media == null) {
      throw new IllegalStateException("this request carries no media to upload");
    }
    Map<String, String> parameters = query();
    parameters.put("uploadType", "resumable");
    HttpCall call = toCall(context().upload(), parameters);
    return Constructors.of(ResumableUpload.class, Constructors.UploadStart.class)
        .start(context(), call, media, limits, options, responseType());
  }

  @Override
  public T execute() {
    if (media == null) {
      return super.execute();
    }
    ResumableUpload<T> upload = upload();
    return explained(upload::execute);
  }

  @Override
  public CompletableFuture<T> executeAsync() {
    if (media == null) {
      return super.executeAsync();
    }
    ResumableUpload<T> upload = upload();
    return context().executor().supplyAsync(() -> explained(upload::execute));
  }
}
