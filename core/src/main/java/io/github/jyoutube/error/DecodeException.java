package io.github.jyoutube.error;

/**
 * An answer arrived but could not be read: the body is not JSON, or not of the expected shape.
 *
 * <p>Carries the HTTP status (or -1 when the text did not come from a response) and the first 200
 * characters of the body, never more.
 */
public final class DecodeException extends YouTubeException {

  private static final long serialVersionUID = 1L;

  /** The HTTP status of the response, or -1. */
  private final int statusCode;

  /** The first 200 characters of the body. */
  private final String bodySnippet;

  /**
   * Creates the exception.
   *
   * @param target what the body was read as, such as {@code PlaylistListResponse}
   * @param statusCode the HTTP status, or -1 when the text did not come from a response
   * @param body the body text; only its first 200 characters are kept
   * @param cause the parser's exception
   */
  public DecodeException(String target, int statusCode, String body, Throwable cause) {
    this(target, statusCode, cause, ErrorBody.snippet(body));
  }

  private DecodeException(String target, int statusCode, Throwable cause, String snippet) {
    super(
        "cannot read "
            + (statusCode >= 0 ? "the " + statusCode + " response" : "the text")
            + " as "
            + target
            + ": "
            + reason(cause)
            + (snippet.isEmpty() ? " (empty body)" : "; body starts: " + snippet),
        cause);
    this.statusCode = statusCode;
    this.bodySnippet = snippet;
  }

  /**
   * Creates the exception for a body whose text must not be quoted (it may hold secrets, as a token
   * endpoint's answer does). Neither the message nor a cause repeats any of the text: a parser's
   * message quotes the token it stumbled on, so only where it stumbled (line and column) is kept,
   * and the parser's exception is not attached.
   *
   * @param target what the body was read as
   * @param statusCode the HTTP status
   * @param cause the parser's exception, read for its location only; may be {@code null}
   * @return the exception, with the body withheld
   */
  public static DecodeException withoutBody(String target, int statusCode, Throwable cause) {
    return new DecodeException(target, statusCode, "(withheld)", where(cause));
  }

  private DecodeException(String target, int statusCode, String snippet, String where) {
    super(
        "cannot read "
            + (statusCode >= 0 ? "the " + statusCode + " response" : "the text")
            + " as "
            + target
            + ": "
            + where
            + "; body "
            + snippet,
        null);
    this.statusCode = statusCode;
    this.bodySnippet = snippet;
  }

  /** Where a parser failed, without what it found there. */
  private static String where(Throwable cause) {
    if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException json
        && json.getLocation() != null
        && json.getLocation().getLineNr() > 0) {
      return "not JSON of the expected shape near line "
          + json.getLocation().getLineNr()
          + ", column "
          + json.getLocation().getColumnNr();
    }
    return "not JSON of the expected shape";
  }

  /** {@return the HTTP status of the response, or -1 when the text did not come from a response} */
  public int statusCode() {
    return statusCode;
  }

  /** {@return the first 200 characters of the body} */
  public String bodySnippet() {
    return bodySnippet;
  }

  private static String reason(Throwable cause) {
    if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
      String original = json.getOriginalMessage();
      int newline = original == null ? -1 : original.indexOf('\n');
      return newline < 0 ? String.valueOf(original) : original.substring(0, newline);
    }
    return cause == null ? "unexpected content" : String.valueOf(cause.getMessage());
  }
}
