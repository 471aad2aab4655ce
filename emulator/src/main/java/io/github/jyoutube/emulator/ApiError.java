package io.github.jyoutube.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error the Data API answers with, in Google's JSON error format: {@code
 * {"error":{"code":N,"message":"…","errors":[{"message","domain","reason","location",
 * "locationType"}],"status":"…"}}}.
 */
final class ApiError extends Exception {

  private static final long serialVersionUID = 1L;

  final int code;
  final String reason;
  final String domain;
  final String location;
  final String locationType;
  final String detail;
  private String topMessage;
  final transient Map<String, String> headers = new LinkedHashMap<>();

  ApiError(
      int code,
      String reason,
      String domain,
      String message,
      String location,
      String locationType) {
    super(message, null, false, false);
    this.code = code;
    this.reason = reason;
    this.domain = domain;
    this.location = location;
    this.locationType = locationType;
    this.detail = message;
    this.topMessage = message;
  }

  @Override
  public String getMessage() {
    return topMessage;
  }

  /** This error with a response header. */
  ApiError header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** The canonical status name Google gives each HTTP code. */
  static String status(int code) {
    return switch (code) {
      case 400 -> "INVALID_ARGUMENT";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "PERMISSION_DENIED";
      case 404 -> "NOT_FOUND";
      case 409 -> "ABORTED";
      case 412 -> "FAILED_PRECONDITION";
      case 413 -> "OUT_OF_RANGE";
      case 429 -> "RESOURCE_EXHAUSTED";
      case 501 -> "UNIMPLEMENTED";
      case 503 -> "UNAVAILABLE";
      default -> code >= 500 ? "INTERNAL" : "UNKNOWN";
    };
  }

  /** The JSON body. */
  ObjectNode body() {
    ObjectNode root = Jsons.object();
    ObjectNode error = root.putObject("error");
    error.put("code", code);
    error.put("message", getMessage());
    ArrayNode errors = error.putArray("errors");
    ObjectNode first = errors.addObject();
    first.put("message", detail);
    first.put("domain", domain);
    first.put("reason", reason);
    if (location != null) {
      first.put("location", location);
      first.put("locationType", locationType);
    }
    error.put("status", status(code));
    return root;
  }

  // ---- The errors the emulator sends ---------------------------------------------------------

  static ApiError required(String parameter) {
    return new ApiError(
        400, "required", "global", "Required parameter: " + parameter, parameter, "parameter");
  }

  static ApiError invalidParameter(String parameter, String message) {
    return new ApiError(400, "invalidParameter", "global", message, parameter, "parameter");
  }

  static ApiError unknownPart(String part) {
    return new ApiError(400, "unknownPart", "youtube.part", "'" + part + "'", "part", "parameter");
  }

  static ApiError incompatibleParameters(String names) {
    return new ApiError(
        400,
        "incompatibleParameters",
        "youtube.parameter",
        "Incompatible parameters specified in the request: " + names,
        "parameters.",
        "other");
  }

  static ApiError missingFilter(String expected) {
    return new ApiError(
        400,
        "missingRequiredParameter",
        "youtube.parameter",
        "No filter selected. Expected one of: " + expected,
        "parameters.",
        "other");
  }

  static ApiError invalidPageToken() {
    return new ApiError(
        400,
        "invalidPageToken",
        "youtube.parameter",
        "The request specifies an invalid page token.",
        "pageToken",
        "parameter");
  }

  static ApiError badRequest(String reason, String domain, String message) {
    return new ApiError(400, reason, domain, message, null, null);
  }

  static ApiError parseError(String message) {
    return new ApiError(400, "parseError", "global", message, null, null);
  }

  static ApiError loginRequired() {
    return new ApiError(401, "required", "global", "Login Required.", "Authorization", "header")
        .header("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\"")
        .withMessage(
            "Request is missing required authentication credential. Expected OAuth 2 access token,"
                + " login cookie or other valid authentication credential. See"
                + " https://developers.google.com/identity/sign-in/web/devconsole-project.");
  }

  static ApiError invalidCredentials() {
    return new ApiError(
            401, "authError", "global", "Invalid Credentials", "Authorization", "header")
        .header(
            "WWW-Authenticate",
            "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"")
        .withMessage(
            "Request had invalid authentication credentials. Expected OAuth 2 access token, login"
                + " cookie or other valid authentication credential. See"
                + " https://developers.google.com/identity/sign-in/web/devconsole-project.");
  }

  static ApiError apiKeyNotSupported() {
    return new ApiError(401, "required", "global", "Login Required.", "Authorization", "header")
        .header("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\"")
        .withMessage(
            "API keys are not supported by this API. Expected OAuth2 access token or other"
                + " authentication credentials that assert a principal. See"
                + " https://cloud.google.com/docs/authentication");
  }

  static ApiError authorizationRequired(String parameter) {
    return new ApiError(
        401,
        "authorizationRequired",
        "youtube.parameter",
        "The request uses the <code>"
            + parameter
            + "</code> parameter but is not properly authorized.",
        parameter,
        "parameter");
  }

  static ApiError missingKey() {
    return new ApiError(
        403, "forbidden", "global", "The request is missing a valid API key.", null, null);
  }

  static ApiError insufficientPermissions(String scopes) {
    return new ApiError(
            403, "insufficientPermissions", "global", "Insufficient Permission", null, null)
        .header(
            "WWW-Authenticate",
            "Bearer realm=\"https://accounts.google.com/\", error=\"insufficient_scope\", scope=\""
                + scopes
                + "\"")
        .withMessage("Request had insufficient authentication scopes.");
  }

  static ApiError quotaExceeded() {
    return new ApiError(
        403,
        "quotaExceeded",
        "youtube.quota",
        "The request cannot be completed because you have exceeded your <a"
            + " href=\"/youtube/v3/getting-started#quota\">quota</a>.",
        null,
        null);
  }

  static ApiError forbidden(String reason, String domain, String message) {
    return new ApiError(403, reason, domain, message, null, null);
  }

  static ApiError notFound(String reason, String domain, String message, String location) {
    return new ApiError(
        404, reason, domain, message, location, location == null ? null : "parameter");
  }

  static ApiError methodNotFound(String path) {
    return new ApiError(404, "notFound", "global", "Not Found: " + path, null, null);
  }

  /** This error with a top-level {@code message} that differs from the entry's. */
  private ApiError withMessage(String top) {
    this.topMessage = top;
    return this;
  }
}
