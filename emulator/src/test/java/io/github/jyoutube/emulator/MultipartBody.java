package io.github.jyoutube.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A {@code multipart/related} upload body as one client or another writes it: line breaks, the
 * boundary and its quoting, preamble, padding and epilogue vary.
 *
 * @param name what the variant stands for
 * @param boundary the boundary
 * @param quoted whether the Content-Type quotes it
 * @param otherParameterFirst whether another parameter comes before {@code boundary}
 * @param headerBreak the line break of part headers ({@code \r\n} or {@code \n})
 * @param delimiterBreak the line break around boundary lines
 * @param padding transport padding after each boundary line
 * @param preamble text before the first boundary line, or empty
 * @param closeBreak whether a line break follows the closing boundary line
 * @param epilogue text after the closing boundary line, or empty
 * @param foldedHeader whether the media part's Content-Type is folded over two lines
 * @param base64 whether the media part is base64, with a Content-Transfer-Encoding
 */
record MultipartBody(
    String name,
    String boundary,
    boolean quoted,
    boolean otherParameterFirst,
    String headerBreak,
    String delimiterBreak,
    String padding,
    String preamble,
    boolean closeBreak,
    String epilogue,
    boolean foldedHeader,
    boolean base64) {

  /** What google-api-python-client sends: LF, a quoted boundary of {@code =}, MIME headers. */
  static MultipartBody python() {
    return new MultipartBody(
        "google-api-python-client",
        "===============4977934733052926617==",
        true,
        false,
        "\n",
        "\n",
        "",
        "",
        true,
        "",
        false,
        false);
  }

  /** CRLF throughout, the boundary as a token: what jyoutube and most clients send. */
  static MultipartBody crlf() {
    return new MultipartBody(
        "CRLF", "BOUNDARY", false, false, "\r\n", "\r\n", "", "", true, "", false, false);
  }

  MultipartBody named(String name) {
    return new MultipartBody(
        name,
        boundary,
        quoted,
        otherParameterFirst,
        headerBreak,
        delimiterBreak,
        padding,
        preamble,
        closeBreak,
        epilogue,
        foldedHeader,
        base64);
  }

  String contentType() {
    String value = quoted ? "\"" + boundary.replace("\"", "\\\"") + "\"" : boundary;
    return "multipart/related; "
        + (otherParameterFirst ? "type=\"application/json\"; " : "")
        + "boundary="
        + value;
  }

  byte[] body(String json, String mediaType, byte[] media) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String d = delimiterBreak;
    String h = headerBreak;
    if (!preamble.isEmpty()) {
      write(out, preamble + d);
    }
    write(out, "--" + boundary + padding + d);
    write(out, "Content-Type: application/json; charset=UTF-8" + h + "MIME-Version: 1.0" + h + h);
    write(out, json);
    write(out, d + "--" + boundary + padding + d);
    write(
        out,
        foldedHeader
            ? "Content-Type:" + h + "\t" + mediaType + h
            : "Content-Type: " + mediaType + h);
    write(out, "MIME-Version: 1.0" + h);
    write(
        out,
        base64 ? "Content-Transfer-Encoding: base64" + h : "Content-Transfer-Encoding: binary" + h);
    write(out, h);
    out.writeBytes(base64 ? Base64.getMimeEncoder().encode(media) : media);
    write(out, d + "--" + boundary + "--" + (closeBreak ? d : "") + epilogue);
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return name;
  }
}
