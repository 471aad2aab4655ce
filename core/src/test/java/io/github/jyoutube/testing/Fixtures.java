package io.github.jyoutube.testing;

/** Response bodies shaped as Google sends them. */
public final class Fixtures {

  private Fixtures() {}

  /** A token endpoint answer. */
  public static String token(String accessToken, String refreshToken, long expiresIn) {
    return """
        {"access_token":"%s","expires_in":%d,"token_type":"Bearer",%s\
        "scope":"https://www.googleapis.com/auth/youtube https://www.googleapis.com/auth/userinfo.profile"}"""
        .formatted(
            accessToken,
            expiresIn,
            refreshToken == null ? "" : "\"refresh_token\":\"" + refreshToken + "\",");
  }

  /** A playlists.list answer with two playlists, as in the seed guide. */
  public static final String PLAYLISTS =
      """
      {
        "kind": "youtube#playlistListResponse",
        "etag": "UOj0sBpoZJ8qz6ZPmX3yYmrCrhw",
        "pageInfo": {"totalResults": 2, "resultsPerPage": 5},
        "items": [
          {
            "kind": "youtube#playlist",
            "etag": "b2OyTAS8nLxGz1dnKi-LgjZZIcM",
            "id": "PLBaidt0ilCManGDIKr8UVBFZwN_UvMKvS",
            "snippet": {
              "publishedAt": "2019-02-18T09:14:25Z",
              "channelId": "UCa-vrCLQHviTOVnEKDOdetQ",
              "title": "Python tutorials",
              "description": "",
              "thumbnails": {
                "default": {"url": "https://i.ytimg.com/vi/1/default.jpg", "width": 120, "height": 90}
              },
              "channelTitle": "ikaros",
              "localized": {"title": "Python tutorials", "description": ""}
            },
            "status": {"privacyStatus": "public"},
            "contentDetails": {"itemCount": 7}
          },
          {
            "kind": "youtube#playlist",
            "etag": "CBSYXo3tVmR_DRhWNmfs6fJ-h6o",
            "id": "PLBaidt0ilCMbUdj0EppB710c_X5OuCP2g",
            "snippet": {
              "publishedAt": "2019-02-18T09:13:02Z",
              "channelId": "UCa-vrCLQHviTOVnEKDOdetQ",
              "title": "Watch later",
              "description": "My list"
            },
            "status": {"privacyStatus": "private"},
            "contentDetails": {"itemCount": 2}
          }
        ]
      }
      """;

  /** Google's JSON error body. */
  public static String error(int code, String reason, String domain, String message) {
    return """
        {"error":{"code":%d,"message":"%s","errors":[{"message":"%s","domain":"%s","reason":"%s"}]}}"""
        .formatted(code, message, message, domain, reason);
  }
}
