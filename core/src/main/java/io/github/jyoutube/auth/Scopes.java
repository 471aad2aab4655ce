package io.github.jyoutube.auth;

import java.util.List;

/** The OAuth 2.0 scopes of the YouTube Data API, and the client's defaults. */
public final class Scopes {

  /** Manage your YouTube account. */
  public static final String YOUTUBE = "https://www.googleapis.com/auth/youtube";

  /** View your YouTube account. */
  public static final String YOUTUBE_READONLY = "https://www.googleapis.com/auth/youtube.readonly";

  /** Manage your YouTube videos (upload). */
  public static final String YOUTUBE_UPLOAD = "https://www.googleapis.com/auth/youtube.upload";

  /** See, edit, and permanently delete your YouTube videos, ratings, comments and captions. */
  public static final String YOUTUBE_FORCE_SSL =
      "https://www.googleapis.com/auth/youtube.force-ssl";

  /** See your channel's members and their levels. */
  public static final String YOUTUBE_CHANNEL_MEMBERSHIPS_CREATOR =
      "https://www.googleapis.com/auth/youtube.channel-memberships.creator";

  /** View and manage your assets and associated content on YouTube. */
  public static final String YOUTUBEPARTNER = "https://www.googleapis.com/auth/youtubepartner";

  /** View private information of your channel relevant to an audit by a YouTube partner. */
  public static final String YOUTUBEPARTNER_CHANNEL_AUDIT =
      "https://www.googleapis.com/auth/youtubepartner-channel-audit";

  /** See your personal info (OpenID Connect profile). */
  public static final String USERINFO_PROFILE = "https://www.googleapis.com/auth/userinfo.profile";

  /** The scopes asked for when none are given: YouTube management and the user's profile. */
  public static final List<String> DEFAULT = List.of(YOUTUBE, USERINFO_PROFILE);

  private Scopes() {}
}
