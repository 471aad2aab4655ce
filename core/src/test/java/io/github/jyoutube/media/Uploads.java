package io.github.jyoutube.media;

import io.github.jyoutube.Json;
import io.github.jyoutube.QuotaCost;
import io.github.jyoutube.http.ClientContext;
import io.github.jyoutube.http.HttpCall;
import io.github.jyoutube.http.MediaDownload;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Builds the session-opening and download calls the way the resources do, so that the engine's
 * tests drive {@link ResumableUpload} and {@link MediaDownload} directly.
 */
final class Uploads {

  private Uploads() {}

  /** A resumable upload to {@code <upload base><path>?uploadType=resumable&<query>}. */
  static <T> ResumableUpload<T> upload(
      ClientContext context,
      String httpMethod,
      String path,
      Map<String, String> query,
      Object metadata,
      QuotaCost quota,
      MediaContent media,
      MediaLimits limits,
      UploadOptions options,
      Class<T> responseType) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("uploadType", "resumable");
    parameters.putAll(query);
    URI uri = URI.create(context.upload() + path + encode(parameters));
    HttpCall call =
        metadata == null
            ? HttpCall.api(httpMethod, uri)
            : HttpCall.api(httpMethod, uri, Json.writeBytes(metadata));
    if (quota != null) {
      call = call.withQuota(quota);
    }
    return ResumableUpload.start(context, call, media, limits, options, responseType);
  }

  /** A streaming download of {@code <API base><path>?<query>}; {@code {id}} is filled in. */
  static MediaDownload download(
      ClientContext context, String path, Map<String, String> query, QuotaCost quota) {
    Map<String, String> parameters = new LinkedHashMap<>(query);
    String id = parameters.remove("id");
    String filled = id == null ? path : path.replace("{id}", escape(id));
    HttpCall call = HttpCall.api("GET", URI.create(context.api() + filled + encode(parameters)));
    return MediaDownload.of(context, quota == null ? call : call.withQuota(quota));
  }

  private static String encode(Map<String, String> parameters) {
    if (parameters.isEmpty()) {
      return "";
    }
    StringJoiner joined = new StringJoiner("&", "?", "");
    parameters.forEach((name, value) -> joined.add(escape(name) + "=" + escape(value)));
    return joined.toString();
  }

  private static String escape(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
