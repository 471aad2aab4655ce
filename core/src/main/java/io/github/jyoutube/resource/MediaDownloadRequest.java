package io.github.jyoutube.resource;

import io.github.jyoutube.http.ClientContext;
import io.github.jyoutube.http.HttpCall;
import io.github.jyoutube.http.MediaDownload;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A request to a method that downloads media, such as {@code captions.download}: {@link
 * #writeTo(OutputStream)} and {@link #saveTo(Path)} stream the body without holding it in memory;
 * {@link #execute()} returns it as bytes, up to the client's response size limit.
 *
 * @param <R> the concrete request type
 */
public abstract class MediaDownloadRequest<R extends MediaDownloadRequest<R>>
    extends ReadRequest<byte[], R> {

  MediaDownloadRequest(ClientContext context, MethodSpec spec) {
    super(context, spec, byte[].class);
  }

  /**
   * Streams the media to {@code out}, which is not closed.
   *
   * @param out where to write the media
   * @return the bytes written
   */
  public final long writeTo(OutputStream out) {
    HttpCall call = toCall(query());
    return explained(() -> MediaDownload.of(context(), call).writeTo(out));
  }

  /**
   * Streams the media to {@code file}: written to a temporary file beside it, then moved into
   * place, so a failed download leaves no partial file.
   *
   * @param file where to save the media
   * @return the bytes written
   */
  public final long saveTo(Path file) {
    HttpCall call = toCall(query());
    return explained(() -> MediaDownload.of(context(), call).saveTo(file));
  }
}
