package io.github.jyoutube.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * One HTTP request, read whole, and the means to answer it. An upload's media is never held whole
 * in memory: it is spooled ({@link Spool}), and a multipart body is taken apart as it arrives.
 */
final class Exchange {

  /** The most bytes of JSON metadata an upload may carry, kept in memory. */
  static final long METADATA_LIMIT = 16L * 1024 * 1024;

  /** An answer. */
  record Reply(int status, Map<String, String> headers, byte[] body) {

    static Reply json(int status, JsonNode node, boolean pretty) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", "application/json; charset=UTF-8");
      return new Reply(status, headers, Jsons.bytes(node, pretty));
    }

    static Reply empty(int status) {
      return new Reply(status, new LinkedHashMap<>(), new byte[0]);
    }

    static Reply of(int status, String contentType, byte[] body) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", contentType);
      return new Reply(status, headers, body);
    }

    static Reply html(int status, String html) {
      return of(status, "text/html; charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
    }

    static Reply redirect(String location) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Location", location);
      headers.put("Content-Type", "text/html; charset=UTF-8");
      return new Reply(
          302,
          headers,
          ("<html><body>Moved <a href=\"" + Html.escape(location) + "\">here</a>.</body></html>")
              .getBytes(StandardCharsets.UTF_8));
    }

    Reply header(String name, String value) {
      headers.put(name, value);
      return this;
    }
  }

  final HttpExchange http;
  final String method;
  final String path;
  final Map<String, List<String>> query;
  final byte[] body;

  /** An upload's body (simple uploads, resumable chunks), or {@code null}. */
  Spool media;

  /** A multipart upload's parts, or {@code null}. */
  Multipart.Parts parts;

  /** Why a multipart upload's body could not be taken apart, or {@code null}. */
  String malformed;

  private Exchange(HttpExchange http, String path, Map<String, List<String>> query, byte[] body) {
    this.http = http;
    this.method = http.getRequestMethod().toUpperCase(Locale.ROOT);
    this.path = path;
    this.query = query;
    this.body = body;
  }

  /** The request body is larger than the emulator accepts; the rest of it was not read. */
  static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(long limit) {
      super("request body larger than " + limit + " bytes");
    }
  }

  /**
   * Reads the request; a body larger than {@code maxBody} bytes (once decoded) is refused with
   * {@link BodyTooLargeException} as soon as it passes the limit. A body sent with {@code
   * Content-Encoding: gzip}, as Google's own client libraries send JSON bodies and upload metadata,
   * is decompressed, as Google's servers do.
   */
  static Exchange read(HttpExchange http, long maxBody) throws IOException {
    return read(http, maxBody, null);
  }

  /**
   * Reads the request; with {@code files}, as an upload: the media is spooled there (a multipart
   * body taken apart on the way), only the metadata of a resumable session's start is kept in
   * memory.
   *
   * @throws Spool.StorageException if the media cannot be written to {@code files}
   */
  static Exchange read(HttpExchange http, long maxBody, MediaFiles files) throws IOException {
    String decoded = http.getRequestURI().getPath();
    String path = decoded == null || decoded.isEmpty() ? "/" : decoded;
    Map<String, List<String>> query = parseForm(http.getRequestURI().getRawQuery());
    String encoding = http.getRequestHeaders().getFirst("Content-Encoding");
    boolean gzip = encoding != null && encoding.trim().equalsIgnoreCase("gzip");
    try (InputStream raw = http.getRequestBody();
        InputStream in = gzip && maxBody > 0 ? new GZIPInputStream(raw) : raw) {
      if (files == null) {
        return new Exchange(http, path, query, readUpTo(in, maxBody));
      }
      List<String> uploadType = query.get("uploadType");
      boolean session = query.containsKey("upload_id");
      if (!session && uploadType != null && uploadType.contains("resumable")) {
        // The start of a resumable session: JSON metadata, no media.
        return new Exchange(http, path, query, readUpTo(in, Math.min(maxBody, METADATA_LIMIT)));
      }
      Exchange ex = new Exchange(http, path, query, new byte[0]);
      String type = ex.contentType();
      String boundary = Multipart.boundary(type);
      try {
        if (!session
            && type.trim().toLowerCase(Locale.ROOT).startsWith("multipart/")
            && boundary != null) {
          try {
            ex.parts = Multipart.read(in, boundary, maxBody, METADATA_LIMIT, files);
          } catch (Multipart.MalformedException e) {
            ex.malformed = e.getMessage();
            // Read the rest away (within the limit), to answer as to any request.
            readUpTo(OutputStream.nullOutputStream(), in, maxBody);
          }
        } else {
          Spool.Writer writer = new Spool.Writer(files, maxBody);
          try {
            ex.media = writer.from(in).finish();
          } catch (IOException | RuntimeException e) {
            writer.abandon();
            throw e;
          }
        }
      } catch (Spool.StorageException e) {
        // The body must still be read, here, before the stream is closed (which reads at most
        // 64 KiB more): a client still sending would otherwise meet a reset instead of the 503.
        drain(in, maxBody);
        throw e;
      }
      return ex;
    }
  }

  /** Deletes what this request spooled and nobody kept. */
  void discard() {
    if (media != null) {
      media.discard();
    }
    if (parts != null) {
      parts.discard();
    }
  }

  /** The request without reading its body, to refuse it. */
  static Exchange withoutBody(HttpExchange http) {
    String decoded = http.getRequestURI().getPath();
    String path = decoded == null || decoded.isEmpty() ? "/" : decoded;
    return new Exchange(http, path, parseForm(http.getRequestURI().getRawQuery()), new byte[0]);
  }

  /** A refused body is read away for at most this long; then the connection is closed. */
  private static final long MAX_DRAIN_NANOS = 10_000_000_000L;

  /** Reads and drops the rest of {@code in}: at most {@code max} bytes, within the time limit. */
  private static void drain(InputStream in, long max) {
    long deadline = System.nanoTime() + MAX_DRAIN_NANOS;
    byte[] buffer = new byte[64 * 1024];
    long left = max;
    try {
      while (left > 0 && System.nanoTime() - deadline < 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          return;
        }
        left -= n;
      }
    } catch (IOException | RuntimeException e) {
      // Answered all the same; the connection is closed after the answer.
    }
  }

  private static byte[] readUpTo(InputStream in, long max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    readUpTo(out, in, max);
    return out.toByteArray();
  }

  private static void readUpTo(OutputStream out, InputStream in, long max) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      if (total + n > max) {
        // Never read the rest: it may not end.
        throw new BodyTooLargeException(max);
      }
      out.write(buffer, 0, n);
      total += n;
    }
  }

  /** Parses {@code a=1&b=2} ({@code +} as space). */
  static Map<String, List<String>> parseForm(String raw) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  /** The first value of a query parameter, or {@code null}. */
  String param(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The form fields of an {@code application/x-www-form-urlencoded} body. */
  Map<String, String> form() {
    Map<String, String> form = new LinkedHashMap<>();
    parseForm(new String(body, StandardCharsets.UTF_8))
        .forEach((name, values) -> form.put(name, values.get(0)));
    return form;
  }

  String header(String name) {
    return http.getRequestHeaders().getFirst(name);
  }

  String contentType() {
    String type = header("Content-Type");
    return type == null ? "" : type;
  }

  /**
   * Sends the answer; a text or JSON body gzipped when the client accepts gzip, as Google's are
   * ({@code Content-Encoding: gzip}, and {@code Vary: Accept-Encoding} on every answer whose body
   * could be).
   */
  void send(Reply reply) throws IOException {
    Headers headers = http.getResponseHeaders();
    reply.headers().forEach(headers::set);
    byte[] body = reply.body();
    boolean noBody =
        reply.status() == 204 || reply.status() == 304 || method.equals("HEAD") || body.length == 0;
    if (reply.status() == 304
        || (GzipAnswers.compressible(headers.getFirst("Content-Type"))
            && !headers.containsKey("Content-Encoding"))) {
      vary(headers);
      if (!noBody && GzipAnswers.accepted(header("Accept-Encoding"))) {
        body = GzipAnswers.gzip(body);
        headers.set("Content-Encoding", "gzip");
      }
    }
    http.sendResponseHeaders(reply.status(), noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = http.getResponseBody()) {
        out.write(body);
      }
    }
    http.close();
  }

  /** Adds {@code Accept-Encoding} to the answer's {@code Vary}. */
  private static void vary(Headers headers) {
    String vary = headers.getFirst("Vary");
    if (vary == null || vary.isBlank()) {
      headers.set("Vary", "Accept-Encoding");
    } else if (!vary.toLowerCase(Locale.ROOT).contains("accept-encoding")) {
      headers.set("Vary", vary + ", Accept-Encoding");
    }
  }
}
