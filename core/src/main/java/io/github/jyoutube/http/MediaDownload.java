package io.github.jyoutube.http;

import io.github.jyoutube.error.MediaException;
import io.github.jyoutube.error.YouTubeException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * A download of a media body, such as a caption track ({@code captions.download}), streamed to a
 * file or an output stream as it arrives: never more than a small buffer of it is in memory,
 * whatever its size.
 *
 * <p>It goes with the client's credential, retries and typed errors: an error answer (its small
 * body read whole) becomes its {@link io.github.jyoutube.error.ApiException}. A failure before the
 * first byte reached the target is retried; after it, it is not.
 *
 * <p>Deadlines: the headers, and an error answer's whole body, must arrive within the client's
 * request timeout. The body of a successful answer may take as long as it keeps flowing; it fails
 * with a {@link io.github.jyoutube.error.TransportException} once the download has waited a whole
 * request timeout for fewer than 1 KiB (the server stopped sending, or trickles). Time spent
 * writing to the target is not counted.
 */
public final class MediaDownload {

  private final HttpExecutor executor;
  private final HttpCall call;

  private MediaDownload(HttpExecutor executor, HttpCall call) {
    this.executor = executor;
    this.call = call;
  }

  /**
   * A download by {@code call}.
   *
   * @param context the client's executor
   * @param call the request, usually a {@code GET} of the Data API
   * @return the download, not yet sent
   */
  public static MediaDownload of(ClientContext context, HttpCall call) {
    Objects.requireNonNull(context, "context == null");
    return new MediaDownload(context.executor(), Objects.requireNonNull(call, "call == null"));
  }

  /**
   * Sends the request and writes the body to {@code out}, which is flushed and not closed.
   *
   * @param out where the bytes go
   * @return the number of bytes written
   * @throws YouTubeException if the request failed; {@link MediaException} if writing failed
   */
  public long writeTo(OutputStream out) {
    Objects.requireNonNull(out, "out == null");
    long written = executor.download(call, out);
    try {
      out.flush();
    } catch (IOException e) {
      throw new MediaException("flushing the download failed: " + e.getMessage(), e);
    }
    return written;
  }

  /**
   * Sends the request and writes the body to {@code target}: first to a temporary file beside it,
   * moved into place once complete, so that {@code target} never holds a partial body. An existing
   * file is replaced.
   *
   * @param target the file to write
   * @return the number of bytes written
   * @throws YouTubeException if the request failed; {@link MediaException} if writing failed
   */
  public long saveTo(Path target) {
    Objects.requireNonNull(target, "target == null");
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Path temp;
    try {
      temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".part");
    } catch (IOException e) {
      throw new MediaException("cannot create a temporary file in " + dir + ": " + e, e);
    }
    boolean moved = false;
    try {
      long written;
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 65536)) {
        written = executor.download(call, out);
      } catch (IOException e) {
        throw new MediaException("writing " + temp + " failed: " + e.getMessage(), e);
      }
      try {
        Files.move(
            temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
      return written;
    } catch (IOException e) {
      throw new MediaException("cannot move the download into " + absolute + ": " + e, e);
    } finally {
      if (!moved) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // Best effort: a leftover .part file is harmless.
        }
      }
    }
  }

  @Override
  public String toString() {
    return "MediaDownload[" + call.describe() + "]";
  }
}
