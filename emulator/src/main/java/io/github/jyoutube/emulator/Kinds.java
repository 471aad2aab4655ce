package io.github.jyoutube.emulator;

/** The {@code kind} of each stored resource, and the emulator's own records. */
final class Kinds {
  static final String ACTIVITY = "youtube#activity";
  static final String CAPTION = "youtube#caption";
  static final String CHANNEL = "youtube#channel";
  static final String CHANNEL_SECTION = "youtube#channelSection";
  static final String COMMENT = "youtube#comment";
  static final String COMMENT_THREAD = "youtube#commentThread";
  static final String I18N_LANGUAGE = "youtube#i18nLanguage";
  static final String I18N_REGION = "youtube#i18nRegion";
  static final String LIVE_BROADCAST = "youtube#liveBroadcast";
  static final String LIVE_STREAM = "youtube#liveStream";
  static final String LIVE_CHAT_MESSAGE = "youtube#liveChatMessage";
  static final String LIVE_CHAT_MODERATOR = "youtube#liveChatModerator";
  static final String LIVE_CHAT_BAN = "youtube#liveChatBan";
  static final String MEMBER = "youtube#member";
  static final String MEMBERSHIPS_LEVEL = "youtube#membershipsLevel";
  static final String PLAYLIST = "youtube#playlist";
  static final String PLAYLIST_ITEM = "youtube#playlistItem";
  static final String SUBSCRIPTION = "youtube#subscription";
  static final String SUPER_CHAT_EVENT = "youtube#superChatEvent";
  static final String VIDEO = "youtube#video";
  static final String VIDEO_ABUSE_REPORT_REASON = "youtube#videoAbuseReportReason";
  static final String VIDEO_CATEGORY = "youtube#videoCategory";

  /** A refresh token and what it grants. */
  static final String GRANT = "emulator#grant";

  /** An access token. */
  static final String ACCESS_TOKEN = "emulator#accessToken";

  /** Which scopes an account has consented to for a client. */
  static final String CONSENT = "emulator#consent";

  /** A channel's rating of a video. */
  static final String RATING = "emulator#rating";

  /** A push subscription the hub verified. */
  static final String PUSH_SUBSCRIPTION = "emulator#pushSubscription";

  /** Marks a store that has been seeded; with a data directory, also the quota counters. */
  static final String META = "emulator#meta";

  private Kinds() {}
}
