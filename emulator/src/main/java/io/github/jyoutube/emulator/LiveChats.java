package io.github.jyoutube.emulator;

import static io.github.jyoutube.emulator.Jsons.of;
import static io.github.jyoutube.emulator.Jsons.str;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jyoutube.emulator.Exchange.Reply;
import io.github.jyoutube.livechat.proto.LiveChatMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live chats: one append-only log per chat, read by {@code liveChatMessages.list} (REST) and by
 * the gRPC stream ({@link ChatStreams}) alike. A page token is an offset in the log, so the tokens
 * of either transport resume the other. A deleted message leaves a {@code tombstone} with its id at
 * the end of the log and is no longer shown; a ban adds a {@code userBannedEvent}; the broadcast's
 * transition to {@code complete} adds a {@code chatEndedEvent} and sets {@code offlineAt}.
 *
 * <p>Logs are built from the store on first use and appended to under the backend's lock; readers
 * on gRPC threads take only the log's own lock.
 */
final class LiveChats {

  /** The method ids this class answers. */
  static final String LIST = "youtube.liveChatMessages.list";

  static final String REST_STREAM = "youtube.youtube.v3.liveChat.messages.stream";

  /** A chat message's text is at most 200 characters, as on YouTube. */
  static final int MAX_TEXT = 200;

  /** The default temporary ban, 5 minutes, as YouTube's moderator menu offers. */
  static final long DEFAULT_BAN_SECONDS = 300;

  private final Backend backend;
  private final Map<String, ChatLog> logs = new ConcurrentHashMap<>();
  private volatile long pollingIntervalMillis = 2000;

  LiveChats(Backend backend) {
    this.backend = backend;
  }

  void pollingInterval(Duration interval) {
    this.pollingIntervalMillis = interval.toMillis();
  }

  long pollingIntervalMillis() {
    return pollingIntervalMillis;
  }

  void register(Api api) {
    api.on(LIST, this::list);
    api.on(REST_STREAM, this::list);
    api.on("youtube.liveChatMessages.insert", this::insert);
    api.on("youtube.liveChatMessages.delete", this::delete);
    api.on("youtube.liveChatBans.insert", this::ban);
  }

  // ---- logs ------------------------------------------------------------------------------------

  /** One entry of a chat's log: the message as REST shows it, and as gRPC sends it. */
  record Entry(ObjectNode json, LiveChatMessage proto, boolean tombstone) {}

  /** What a reader gets from a log: entries from an offset, the next offset, the chat's state. */
  record Slice(List<Entry> entries, int next, int size, String offlineAt, ObjectNode activePoll) {}

  /** One chat's messages in order, with the readers to wake when one is added. */
  static final class ChatLog {
    final String chatId;
    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> deleted = new HashSet<>();
    private String offlineAt;
    private ObjectNode activePoll;
    final Set<Runnable> readers = ConcurrentHashMap.newKeySet();

    ChatLog(String chatId) {
      this.chatId = chatId;
    }

    private synchronized void add(ObjectNode message) {
      boolean tombstone = "tombstone".equals(str(message, "snippet.type"));
      if (tombstone) {
        deleted.add(message.path("id").asText());
      }
      if ("pollEvent".equals(str(message, "snippet.type"))) {
        activePoll =
            "active".equals(str(message, "snippet.pollDetails.status")) ? message.deepCopy() : null;
      }
      entries.add(new Entry(message, ChatProto.message(message), tombstone));
    }

    /** Adds a message and wakes every reader. */
    void append(ObjectNode message) {
      add(message);
      readers.forEach(Runnable::run);
    }

    synchronized void offline(String at) {
      offlineAt = at;
    }

    synchronized boolean ended() {
      return offlineAt != null;
    }

    synchronized int size() {
      return entries.size();
    }

    /** Up to {@code max} shown entries from {@code from}; deleted messages are skipped. */
    synchronized Slice slice(int from, int max) {
      List<Entry> shown = new ArrayList<>();
      int end = Math.min(entries.size(), from + max);
      for (int i = from; i < end; i++) {
        Entry entry = entries.get(i);
        if (entry.tombstone() || !deleted.contains(entry.json().path("id").asText())) {
          shown.add(entry);
        }
      }
      return new Slice(shown, end, entries.size(), offlineAt, activePoll);
    }
  }

  /** The log of a chat, or {@code null} if no broadcast has it. The caller holds the lock. */
  ChatLog logLocked(String chatId) {
    ChatLog log = logs.get(chatId);
    if (log != null) {
      return log;
    }
    ObjectNode broadcast = broadcastOf(chatId);
    if (broadcast == null) {
      return null;
    }
    log = new ChatLog(chatId);
    for (ObjectNode message :
        backend.store.find(
            Kinds.LIVE_CHAT_MESSAGE, m -> chatId.equals(str(m, "snippet.liveChatId")))) {
      log.add(message);
    }
    if ("complete".equals(str(broadcast, "status.lifeCycleStatus"))) {
      String end = str(broadcast, "snippet.actualEndTime");
      log.offline(end != null ? end : Jsons.time(backend.clock.instant()));
    }
    logs.put(chatId, log);
    return log;
  }

  /** The log of a chat, from a thread that does not hold the backend's lock. */
  ChatLog log(String chatId) {
    ChatLog log = logs.get(chatId);
    if (log != null) {
      return log;
    }
    synchronized (backend) {
      return logLocked(chatId);
    }
  }

  ObjectNode broadcastOf(String chatId) {
    for (ObjectNode broadcast : backend.store.all(Kinds.LIVE_BROADCAST)) {
      if (chatId.equals(str(broadcast, "snippet.liveChatId"))) {
        return broadcast;
      }
    }
    return null;
  }

  private static ApiError chatNotFound() {
    return ApiError.notFound(
        "liveChatNotFound",
        "youtube.liveChat",
        "The live chat that you are trying to retrieve cannot be found.",
        "liveChatId");
  }

  ChatLog requireLog(String chatId) throws ApiError {
    if (chatId == null) {
      throw ApiError.required("liveChatId");
    }
    ChatLog log = logLocked(chatId);
    if (log == null) {
      throw chatNotFound();
    }
    return log;
  }

  // ---- REST
  // --------------------------------------------------------------------------------------

  /**
   * {@code liveChatMessages.list}: the messages after the page token (all of them without one), at
   * most {@code maxResults} (500 by default), and always a {@code nextPageToken} to poll with next,
   * after {@code pollingIntervalMillis}; {@code offlineAt} once the chat has ended.
   */
  private Reply list(Call c) throws ApiError {
    ChatLog log = requireLog(c.param("liveChatId"));
    int offset = 0;
    String token = c.param("pageToken");
    if (token != null) {
      offset = Api.decodePageToken(token);
      if (offset > log.size()) {
        throw ApiError.invalidPageToken();
      }
    }
    int max = (int) c.integer("maxResults", 500);
    Slice slice = log.slice(offset, max);
    Set<String> parts = c.parts();
    ObjectNode content = Jsons.object();
    content.put("kind", "youtube#liveChatMessageListResponse");
    content.put("pollingIntervalMillis", pollingIntervalMillis);
    if (slice.offlineAt() != null && slice.next() == slice.size()) {
      content.put("offlineAt", slice.offlineAt()); // with the last page, as the stream sends it
    }
    content.set(
        "pageInfo", of("totalResults", slice.size(), "resultsPerPage", slice.entries().size()));
    content.put("nextPageToken", Api.pageToken(slice.next(), false));
    var items = content.putArray("items");
    for (Entry entry : slice.entries()) {
      items.add(Api.project(entry.json(), parts));
    }
    if (slice.activePoll() != null) {
      content.set("activePollItem", Api.project(slice.activePoll(), parts));
    }
    return Reply.json(200, Api.withEtag(content), true);
  }

  /** {@code liveChatMessages.insert}: a text message by the caller, pushed to every reader. */
  private Reply insert(Call c) throws ApiError {
    Account me = c.requireUser(null);
    ObjectNode body = c.body(io.github.jyoutube.model.LiveChatMessage.class);
    String chatId = str(body, "snippet.liveChatId");
    if (chatId == null) {
      throw ApiError.required("snippet.liveChatId");
    }
    String type = str(body, "snippet.type");
    if (type != null && !type.equals("textMessageEvent")) {
      throw ApiError.invalidParameter(
          "snippet.type", "Only messages of type textMessageEvent can be inserted: " + type);
    }
    String text = str(body, "snippet.textMessageDetails.messageText");
    if (text == null || text.isBlank()) {
      throw ApiError.badRequest(
          "messageTextMissing", "youtube.liveChat", "The message text is missing.");
    }
    if (text.codePointCount(0, text.length()) > MAX_TEXT) {
      throw ApiError.badRequest(
          "messageTooLong",
          "youtube.liveChat",
          "The message is longer than " + MAX_TEXT + " characters.");
    }
    ChatLog log = requireLog(chatId);
    requireOpen(log);
    if (banned(chatId, me.channelId())) {
      throw ApiError.forbidden(
          "userBanned", "youtube.liveChat", "The user is banned from this live chat.");
    }
    ObjectNode message =
        message(
            chatId,
            "textMessageEvent",
            new EmulatedChat.Viewer(me.channelId(), me.name()),
            text,
            "textMessageDetails",
            of("messageText", text));
    append(log, message);
    return Api.one(c, message);
  }

  /** {@code liveChatMessages.delete}: by the chat's owner, a moderator or the message's author. */
  private Reply delete(Call c) throws ApiError {
    Account me = c.requireUser(null);
    String id = c.param("id");
    ObjectNode message = id == null ? null : backend.store.get(Kinds.LIVE_CHAT_MESSAGE, id);
    if (message == null || "tombstone".equals(str(message, "snippet.type"))) {
      throw ApiError.notFound(
          "liveChatMessageNotFound",
          "youtube.liveChat",
          "The live chat message that you are trying to delete cannot be found.",
          "id");
    }
    String chatId = str(message, "snippet.liveChatId");
    ChatLog log = requireLog(chatId);
    if (!me.channelId().equals(str(message, "snippet.authorChannelId"))
        && !mayModerate(chatId, me.channelId())) {
      throw ApiError.forbidden(
          "forbidden",
          "youtube.liveChat",
          "The request is not properly authorized to delete this message.");
    }
    append(log, tombstone(message));
    return Reply.empty(204);
  }

  /** {@code liveChatBans.insert}: by the chat's owner or a moderator; adds a userBannedEvent. */
  private Reply ban(Call c) throws ApiError {
    Account me = c.requireUser(null);
    ObjectNode body = c.body(io.github.jyoutube.model.LiveChatBan.class);
    String chatId = str(body, "snippet.liveChatId");
    ChatLog log = requireLog(chatId);
    String user = str(body, "snippet.bannedUserDetails.channelId");
    if (user == null) {
      throw ApiError.required("snippet.bannedUserDetails.channelId");
    }
    if (!mayModerate(chatId, me.channelId())) {
      throw ApiError.forbidden(
          "forbidden", "youtube.liveChat", "Only the chat's owner and moderators can ban users.");
    }
    String type = str(body, "snippet.type");
    boolean temporary = "temporary".equals(type);
    if (!temporary && !"permanent".equals(type)) {
      throw ApiError.invalidParameter(
          "snippet.type", "The ban type must be permanent or temporary: " + type);
    }
    long seconds = 0;
    if (temporary) {
      String duration = str(body, "snippet.banDurationSeconds");
      try {
        seconds = duration == null ? DEFAULT_BAN_SECONDS : Long.parseLong(duration);
      } catch (NumberFormatException e) {
        seconds = -1;
      }
      if (seconds <= 0) {
        throw ApiError.invalidParameter(
            "snippet.banDurationSeconds", "The ban duration must be a positive number of seconds.");
      }
    }
    String name = str(body, "snippet.bannedUserDetails.displayName");
    EmulatedChat.Viewer banned = new EmulatedChat.Viewer(user, name == null ? user : name);
    ObjectNode stored = recordBan(chatId, banned, temporary ? seconds : 0);
    append(
        log, banEvent(chatId, new EmulatedChat.Viewer(me.channelId(), me.name()), banned, stored));
    return Api.one(c, stored);
  }

  // ---- the chat's life -------------------------------------------------------------------------

  void requireOpen(ChatLog log) throws ApiError {
    if (log.ended()) {
      throw ApiError.forbidden("liveChatEnded", "youtube.liveChat", "The live chat has ended.");
    }
  }

  /** Stores a message and adds it to its chat's log, waking the readers. Lock held. */
  void append(ChatLog log, ObjectNode message) {
    backend.store.put(Kinds.LIVE_CHAT_MESSAGE, message);
    log.append(message);
  }

  /** The broadcast went to {@code complete}: a chatEndedEvent, then {@code offlineAt}. */
  void broadcastCompleted(ObjectNode broadcast) {
    String chatId = str(broadcast, "snippet.liveChatId");
    ChatLog log = chatId == null ? null : logLocked(chatId);
    if (log == null || log.ended()) {
      return;
    }
    String owner = str(broadcast, "snippet.channelId");
    ObjectNode ended = message(chatId, "chatEndedEvent", viewerOf(owner), null, null, null);
    ((ObjectNode) ended.get("snippet")).put("hasDisplayContent", false);
    backend.store.put(Kinds.LIVE_CHAT_MESSAGE, ended);
    log.offline(Jsons.time(backend.clock.instant()));
    log.append(ended);
  }

  /**
   * For {@code videos.list id=…}: a video for each asked id that is a broadcast and not a stored
   * video, with its {@code liveStreamingDetails.activeLiveChatId} while the chat is open. Lock
   * held.
   */
  List<ObjectNode> broadcastVideos(List<String> ids, List<ObjectNode> found) {
    List<ObjectNode> videos = new ArrayList<>();
    for (String id : ids) {
      ObjectNode broadcast = backend.store.get(Kinds.LIVE_BROADCAST, id);
      if (broadcast == null
          || found.stream().anyMatch(v -> id.equals(v.path("id").asText()))
          || videos.stream().anyMatch(v -> id.equals(v.path("id").asText()))) {
        continue;
      }
      String life = String.valueOf(str(broadcast, "status.lifeCycleStatus"));
      boolean complete = life.equals("complete");
      String content =
          complete
              ? "none"
              : life.equals("live") || life.equals("liveStarting") ? "live" : "upcoming";
      ObjectNode snippet =
          of(
              "publishedAt", str(broadcast, "snippet.publishedAt"),
              "channelId", str(broadcast, "snippet.channelId"),
              "title", str(broadcast, "snippet.title"),
              "description", str(broadcast, "snippet.description"),
              "liveBroadcastContent", content);
      ObjectNode details = Jsons.object();
      for (String name : List.of("scheduledStartTime", "actualStartTime", "actualEndTime")) {
        String value = str(broadcast, "snippet." + name);
        if (value != null) {
          details.put(name, value);
        }
      }
      String chatId = str(broadcast, "snippet.liveChatId");
      ChatLog log = chatId == null ? null : logLocked(chatId);
      if (log != null && !log.ended()) {
        details.put("activeLiveChatId", chatId);
      }
      videos.add(
          of(
              "kind",
              Kinds.VIDEO,
              "id",
              id,
              "snippet",
              snippet,
              "status",
              of("privacyStatus", Views.privacy(broadcast), "uploadStatus", "processed"),
              "liveStreamingDetails",
              details));
    }
    return videos;
  }

  // ---- messages --------------------------------------------------------------------------------

  /** The chat's owner or one of its moderators. Lock held. */
  boolean mayModerate(String chatId, String channelId) {
    ObjectNode broadcast = broadcastOf(chatId);
    if (broadcast != null && channelId.equals(str(broadcast, "snippet.channelId"))) {
      return true;
    }
    return moderator(chatId, channelId);
  }

  private boolean moderator(String chatId, String channelId) {
    return !backend
        .store
        .find(
            Kinds.LIVE_CHAT_MODERATOR,
            m ->
                chatId.equals(str(m, "snippet.liveChatId"))
                    && channelId.equals(str(m, "snippet.moderatorDetails.channelId")))
        .isEmpty();
  }

  private boolean banned(String chatId, String channelId) {
    Instant now = backend.clock.instant();
    for (ObjectNode ban : backend.store.all(Kinds.LIVE_CHAT_BAN)) {
      if (chatId.equals(str(ban, "snippet.liveChatId"))
          && channelId.equals(str(ban, "snippet.bannedUserDetails.channelId"))) {
        String until = ban.path("emulatorBannedUntil").asText("");
        if (until.isEmpty() || now.isBefore(Instant.parse(until))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Stores a ban ({@code seconds} 0 for a permanent one) and returns it. Lock held. */
  ObjectNode recordBan(String chatId, EmulatedChat.Viewer user, long seconds) {
    ObjectNode snippet =
        of(
            "liveChatId",
            chatId,
            "type",
            seconds > 0 ? "temporary" : "permanent",
            "bannedUserDetails",
            profile(user));
    if (seconds > 0) {
      snippet.put("banDurationSeconds", String.valueOf(seconds));
    }
    ObjectNode ban = of("kind", Kinds.LIVE_CHAT_BAN, "id", Ids.random(40), "snippet", snippet);
    if (seconds > 0) {
      ban.put(
          "emulatorBannedUntil",
          backend.clock.instant().plus(Duration.ofSeconds(seconds)).toString());
    }
    backend.store.put(Kinds.LIVE_CHAT_BAN, ban);
    ObjectNode shown = ban.deepCopy();
    shown.remove("emulatorBannedUntil");
    return shown;
  }

  ObjectNode banEvent(
      String chatId, EmulatedChat.Viewer moderator, EmulatedChat.Viewer user, ObjectNode ban) {
    ObjectNode details =
        of("bannedUserDetails", profile(user), "banType", str(ban, "snippet.type"));
    String seconds = str(ban, "snippet.banDurationSeconds");
    if (seconds != null) {
      details.put("banDurationSeconds", seconds);
    }
    String display =
        user.displayName()
            + (seconds == null
                ? " has been permanently banned"
                : " has been banned for " + seconds + " seconds");
    return message(chatId, "userBannedEvent", moderator, display, "userBannedDetails", details);
  }

  /** The tombstone of a deleted message: its id, type {@code tombstone}, no display content. */
  ObjectNode tombstone(ObjectNode deleted) {
    ObjectNode snippet =
        of(
            "type", "tombstone",
            "liveChatId", str(deleted, "snippet.liveChatId"),
            "authorChannelId", str(deleted, "snippet.authorChannelId"),
            "publishedAt", Jsons.time(backend.clock.instant()),
            "hasDisplayContent", false);
    ObjectNode message =
        of("kind", Kinds.LIVE_CHAT_MESSAGE, "id", str(deleted, "id"), "snippet", snippet);
    if (deleted.get("authorDetails") != null) {
      message.set("authorDetails", deleted.get("authorDetails").deepCopy());
    }
    return message;
  }

  /** A new message of {@code type} by {@code author}, published now. Lock held. */
  ObjectNode message(
      String chatId,
      String type,
      EmulatedChat.Viewer author,
      String display,
      String detailsName,
      JsonNode details) {
    ObjectNode snippet =
        of(
            "type",
            type,
            "liveChatId",
            chatId,
            "authorChannelId",
            author.channelId(),
            "publishedAt",
            Jsons.time(backend.clock.instant()),
            "hasDisplayContent",
            display != null);
    if (display != null) {
      snippet.put("displayMessage", display);
    }
    if (detailsName != null) {
      snippet.set(detailsName, details);
    }
    ObjectNode broadcast = broadcastOf(chatId);
    boolean owner =
        broadcast != null && author.channelId().equals(str(broadcast, "snippet.channelId"));
    return of(
        "kind",
        Kinds.LIVE_CHAT_MESSAGE,
        "id",
        "LCC." + Ids.random(40),
        "snippet",
        snippet,
        "authorDetails",
        of(
            "channelId",
            author.channelId(),
            "channelUrl",
            "http://www.youtube.com/channel/" + author.channelId(),
            "displayName",
            author.displayName(),
            "profileImageUrl",
            "https://yt3.ggpht.com/emulator/" + author.channelId(),
            "isVerified",
            false,
            "isChatOwner",
            owner,
            "isChatSponsor",
            false,
            "isChatModerator",
            !owner && moderator(chatId, author.channelId())));
  }

  static ObjectNode profile(EmulatedChat.Viewer user) {
    return of(
        "channelId",
        user.channelId(),
        "channelUrl",
        "http://www.youtube.com/channel/" + user.channelId(),
        "displayName",
        user.displayName(),
        "profileImageUrl",
        "https://yt3.ggpht.com/emulator/" + user.channelId());
  }

  /** The viewer of a channel: a seeded account's name, or the channel's title. Lock held. */
  EmulatedChat.Viewer viewerOf(String channelId) {
    for (Account account : Account.SEEDED) {
      if (account.channelId().equals(channelId)) {
        return new EmulatedChat.Viewer(channelId, account.name());
      }
    }
    ObjectNode channel = backend.store.get(Kinds.CHANNEL, channelId);
    String title = channel == null ? null : str(channel, "snippet.title");
    return new EmulatedChat.Viewer(channelId, title == null ? channelId : title);
  }
}
