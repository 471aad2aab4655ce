package io.github.jyoutube.emulator;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A {@code multipart/related} upload body (RFC 2046), read as it arrives, as Google's upload
 * servers read it: lines end in CRLF or a bare LF (google-api-python-client sends LF), the boundary
 * may be quoted, a preamble and an epilogue are ignored, transport padding (spaces and tabs) may
 * follow a boundary, and a part may be {@code Content-Transfer-Encoding: base64}. The first part
 * (the JSON metadata) is kept in memory, the second (the media) is spooled, later ones are skipped.
 *
 * <p>The first boundary line tells the body's line break: after a CRLF one, the CR before each
 * later boundary line belongs to it; after an LF one, a CR there is the part's last byte (a video
 * may end in 0x0D).
 */
final class Multipart {

  /** RFC 2046 allows 70 characters; a little more is accepted, as lenient servers do. */
  static final int MAX_BOUNDARY = 200;

  private static final int MAX_PADDING = 1000;
  private static final int MAX_HEADERS = 64 * 1024;
  private static final int BUFFER = 64 * 1024;

  /** The parts of an upload. */
  record Parts(int count, byte[] metadata, String mediaType, Spool media) {
    void discard() {
      if (media != null) {
        media.discard();
      }
    }
  }

  /** The body is not a well-formed multipart body; the message says why. */
  static final class MalformedException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedException(String why) {
      super("Malformed multipart body: " + why + ".");
    }
  }

  private Multipart() {}

  /**
   * The {@code boundary} parameter of a {@code multipart/*} content type (a token or a quoted
   * string), or {@code null} if there is none or it is empty or too long.
   */
  static String boundary(String contentType) {
    if (contentType == null) {
      return null;
    }
    int i = contentType.indexOf(';');
    if (i < 0) {
      return null;
    }
    int n = contentType.length();
    while (i < n) {
      while (i < n
          && (contentType.charAt(i) == ';' || Character.isWhitespace(contentType.charAt(i)))) {
        i++;
      }
      int eq = contentType.indexOf('=', i);
      int semi = contentType.indexOf(';', i);
      if (eq < 0) {
        return null;
      }
      if (semi >= 0 && semi < eq) {
        i = semi;
        continue;
      }
      String name = contentType.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      i = eq + 1;
      while (i < n && Character.isWhitespace(contentType.charAt(i))) {
        i++;
      }
      String value;
      if (i < n && contentType.charAt(i) == '"') {
        StringBuilder quoted = new StringBuilder();
        i++;
        while (i < n && contentType.charAt(i) != '"') {
          char c = contentType.charAt(i);
          if (c == '\\' && i + 1 < n) {
            c = contentType.charAt(++i);
          }
          quoted.append(c);
          i++;
        }
        i++;
        value = quoted.toString();
      } else {
        int end = contentType.indexOf(';', i);
        end = end < 0 ? n : end;
        value = contentType.substring(i, end).trim();
        i = end;
      }
      if (name.equals("boundary")) {
        return value.isEmpty() || value.length() > MAX_BOUNDARY ? null : value;
      }
    }
    return null;
  }

  /**
   * Reads a multipart body to its end.
   *
   * @param body the body (decoded, if it was sent compressed)
   * @param boundary the boundary, as {@link #boundary} gives it
   * @param limit the most bytes of {@code body} read in all
   * @param metadataLimit the most bytes of the first part
   * @param files where the media part is spooled
   * @throws MalformedException if the body is not a multipart body with this boundary
   * @throws Exchange.BodyTooLargeException past {@code limit} or {@code metadataLimit}
   * @throws Spool.StorageException if the media cannot be spooled
   */
  static Parts read(
      InputStream body, String boundary, long limit, long metadataLimit, MediaFiles files)
      throws IOException {
    Reader reader = new Reader(new Limited(body, limit), boundary);
    if (reader.next(null) != Delimiter.PART) {
      throw new MalformedException("no boundary line --" + boundary);
    }
    byte[] metadata = null;
    String mediaType = null;
    Spool media = null;
    int count = 0;
    try {
      Delimiter after = Delimiter.PART;
      while (after == Delimiter.PART) {
        List<String> headers = reader.headers();
        String type = header(headers, "content-type");
        boolean base64 = "base64".equalsIgnoreCase(header(headers, "content-transfer-encoding"));
        if (count == 0) {
          Bounded sink = new Bounded(metadataLimit);
          after = reader.next(sink);
          metadata = base64 ? decode(sink.toByteArray()) : sink.toByteArray();
        } else if (count == 1) {
          mediaType = type == null ? "application/octet-stream" : type;
          Spool.Writer sink = new Spool.Writer(files, limit);
          try {
            after = reader.next(sink);
            media = sink.finish();
          } catch (IOException | RuntimeException e) {
            sink.abandon();
            throw e;
          }
          if (base64) {
            media = decode(media, files, limit);
          }
        } else {
          after = reader.next(null);
        }
        count++;
      }
      if (after != Delimiter.CLOSE) {
        throw new MalformedException(
            "the body ends without the closing boundary line --" + boundary + "--");
      }
      reader.drain();
      return new Parts(count, metadata, mediaType, media);
    } catch (IOException | RuntimeException e) {
      if (media != null) {
        media.discard();
      }
      throw e;
    }
  }

  /** The media part decoded from base64 (into a new spool; the encoded one is deleted). */
  private static Spool decode(Spool encoded, MediaFiles files, long limit) throws IOException {
    Spool.Writer decoded = new Spool.Writer(files, limit);
    try (InputStream in = Base64.getMimeDecoder().wrap(encoded.open())) {
      return decoded.from(in).finish();
    } catch (Exchange.BodyTooLargeException | Spool.StorageException e) {
      decoded.abandon();
      throw e;
    } catch (IOException e) {
      decoded.abandon();
      throw new MalformedException("the media part is not valid base64");
    } catch (RuntimeException e) {
      decoded.abandon();
      throw e;
    } finally {
      encoded.discard();
    }
  }

  private static byte[] decode(byte[] base64) throws MalformedException {
    try {
      return Base64.getMimeDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new MalformedException("the metadata part is not valid base64");
    }
  }

  private static String header(List<String> headers, String name) {
    for (String line : headers) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }

  /** What ends a part. */
  private enum Delimiter {
    /** A boundary line: another part follows. */
    PART,
    /** The closing boundary line: the epilogue follows. */
    CLOSE,
    /** The end of the body, without a boundary line. */
    END
  }

  /** Scans the body for delimiters, handing what comes before each to a sink. */
  private static final class Reader {
    private final InputStream in;

    /** {@code \n--boundary}: a delimiter, after an optional {@code \r}. */
    private final byte[] pattern;

    private final byte[] buffer;
    private int pos;
    private int end;
    private boolean eof;

    /** Whether the first boundary line ended in CRLF: then so do the parts. */
    private boolean crlf;

    private boolean first = true;

    Reader(InputStream in, String boundary) {
      this.in = in;
      this.pattern = ("\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
      this.buffer = new byte[BUFFER + pattern.length + MAX_PADDING + 8];
      // A virtual line break before the body: the first boundary line may open it.
      buffer[0] = '\n';
      end = 1;
    }

    /**
     * Hands the bytes up to the next delimiter to {@code sink} ({@code null}: skip them) and reads
     * past the delimiter's line.
     */
    Delimiter next(OutputStream sink) throws IOException {
      int m = pattern.length;
      while (true) {
        int i = indexOf(pattern, pos, end);
        if (i < 0) {
          // A delimiter may begin in the last m - 1 bytes; keep them, and a CR before them.
          int safe = Math.max(pos, end - (m - 1));
          if (safe > pos && buffer[safe - 1] == '\r') {
            safe--;
          }
          emit(sink, pos, safe);
          pos = safe;
          if (eof) {
            emit(sink, pos, end);
            pos = end;
            return Delimiter.END;
          }
          readMore();
          continue;
        }
        int cr = crlf && i > pos && buffer[i - 1] == '\r' ? 1 : 0;
        emit(sink, pos, i - cr);
        pos = i - cr;
        fill(cr + m + MAX_PADDING + 4);
        int tail = pos + cr + m;
        if (tail + 1 < end && buffer[tail] == '-' && buffer[tail + 1] == '-') {
          pos = tail + 2;
          return Delimiter.CLOSE;
        }
        int j = tail;
        while (j < end && j - tail < MAX_PADDING && (buffer[j] == ' ' || buffer[j] == '\t')) {
          j++;
        }
        if (j < end && buffer[j] == '\n') {
          pos = j + 1;
          first = false;
          return Delimiter.PART;
        }
        if (j + 1 < end && buffer[j] == '\r' && buffer[j + 1] == '\n') {
          pos = j + 2;
          crlf |= first;
          first = false;
          return Delimiter.PART;
        }
        // Not a boundary line (the boundary text inside the data): the line break is data.
        emit(sink, pos, pos + cr + 1);
        pos += cr + 1;
      }
    }

    /** A part's header lines, folded lines joined, up to the empty line. */
    List<String> headers() throws IOException {
      List<String> lines = new ArrayList<>();
      int total = 0;
      while (true) {
        int i = pos;
        while (true) {
          while (i < end && buffer[i] != '\n') {
            i++;
          }
          if (i < end) {
            break;
          }
          if (eof) {
            throw new MalformedException("a part's headers end early");
          }
          // The buffer is larger than MAX_HEADERS: this stops before it fills.
          if (total + (end - pos) > MAX_HEADERS) {
            throw new MalformedException("a part's headers are longer than " + MAX_HEADERS);
          }
          int scanned = i - pos;
          readMore();
          i = pos + scanned;
        }
        int lineEnd = i > pos && buffer[i - 1] == '\r' ? i - 1 : i;
        String line = new String(buffer, pos, lineEnd - pos, StandardCharsets.ISO_8859_1);
        total += i + 1 - pos;
        pos = i + 1;
        if (total > MAX_HEADERS) {
          throw new MalformedException("a part's headers are longer than " + MAX_HEADERS);
        }
        if (line.isEmpty()) {
          return lines;
        }
        if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !lines.isEmpty()) {
          lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " " + line.trim());
        } else {
          lines.add(line);
        }
      }
    }

    /** Reads the epilogue away. */
    void drain() throws IOException {
      pos = end;
      while (!eof) {
        readMore();
        pos = end;
      }
    }

    private void emit(OutputStream sink, int from, int to) throws IOException {
      if (sink != null && to > from) {
        sink.write(buffer, from, to - from);
      }
    }

    /** Moves the unread bytes to the front and reads more: at least one, or the end. */
    private void readMore() throws IOException {
      if (pos > 0) {
        System.arraycopy(buffer, pos, buffer, 0, end - pos);
        end -= pos;
        pos = 0;
      }
      while (end < buffer.length) {
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
          eof = true;
          return;
        }
        if (n > 0) {
          end += n;
          return;
        }
      }
    }

    /** Reads until {@code count} bytes are unread, or the end. */
    private void fill(int count) throws IOException {
      while (end - pos < count && !eof) {
        readMore();
      }
    }

    private int indexOf(byte[] what, int from, int to) {
      int last = to - what.length;
      for (int i = from; i <= last; i++) {
        if (buffer[i] != what[0]) {
          continue;
        }
        int k = 1;
        while (k < what.length && buffer[i + k] == what[k]) {
          k++;
        }
        if (k == what.length) {
          return i;
        }
      }
      return -1;
    }
  }

  /** A byte sink in memory that refuses more than a limit. */
  private static final class Bounded extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final long limit;

    Bounded(long limit) {
      this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (bytes.size() + (long) len > limit) {
        throw new Exchange.BodyTooLargeException(limit);
      }
      bytes.write(b, off, len);
    }

    byte[] toByteArray() {
      return bytes.toByteArray();
    }
  }

  /** Refuses to read more than a limit. */
  private static final class Limited extends FilterInputStream {
    private final long limit;
    private long read;

    Limited(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        read += n;
        if (read > limit) {
          // Never read the rest: it may not end.
          throw new Exchange.BodyTooLargeException(limit);
        }
      }
      return n;
    }
  }
}
