package io.github.jyoutube.emulator;

import static io.github.jyoutube.emulator.Jsons.of;
import static io.github.jyoutube.emulator.Jsons.str;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A live chat of the emulator, driven from a test or a demo: messages from any viewer, and the
 * events only YouTube's own users cause (Super Chats, memberships, gifts, polls), plus the
 * moderation a chat's owner does. Everything added here reaches readers as a message inserted
 * through {@code liveChatMessages.insert} does: REST lists, and open gRPC streams within
 * milliseconds.
 *
 * <pre>{@code
 * EmulatedChat chat = emulator.chat(YouTubeEmulator.SEEDED_LIVE_CHAT_ID);
 * chat.post(Viewer.of(Account.BOB), "hello");
 * chat.superChat(new Viewer("UCfan", "A fan"), 5_000_000, "USD", "Great stream!");
 * }</pre>
 *
 * <p>Each method returns the new message's id; they throw {@link IllegalStateException} once the
 * chat has ended.
 */
public final class EmulatedChat {

  /**
   * Who writes in the chat: any channel, not only the seeded accounts.
   *
   * @param channelId the channel ID
   * @param displayName the name shown
   */
  public record Viewer(String channelId, String displayName) {

    /**
     * Checks the parts.
     *
     * @param channelId the channel id
     * @param displayName the display name
     */
    public Viewer {
      Objects.requireNonNull(channelId, "channelId == null");
      Objects.requireNonNull(displayName, "displayName == null");
    }

    /**
     * A seeded account as a viewer.
     *
     * @param account the account
     * @return a seeded account as a viewer
     */
    public static Viewer of(Account account) {
      return new Viewer(account.channelId(), account.name());
    }
  }

  private final Backend backend;
  private final ChatStreams streams;
  private final String chatId;

  EmulatedChat(Backend backend, ChatStreams streams, String chatId) {
    this.backend = backend;
    this.streams = streams;
    this.chatId = chatId;
  }

  /** {@return the chat's id ({@code liveChatId})} */
  public String id() {
    return chatId;
  }

  /**
   * A text message.
   *
   * @param author the author
   * @param text the text
   * @return a text message
   */
  public String post(Viewer author, String text) {
    Objects.requireNonNull(text, "text == null");
    return add(author, "textMessageEvent", text, "textMessageDetails", of("messageText", text));
  }

  /**
   * A text message from a seeded account.
   *
   * @param author the author
   * @param text the text
   * @return a text message from a seeded account
   */
  public String post(Account author, String text) {
    return post(Viewer.of(author), text);
  }

  /**
   * A Super Chat.
   *
   * @param amountMicros the amount in micros of {@code currency} (5 USD is {@code 5_000_000})
   * @param currency the ISO 4217 code
   * @param comment the buyer's comment, or {@code null}
   * @param buyer the buyer
   * @return a Super Chat
   */
  public String superChat(Viewer buyer, long amountMicros, String currency, String comment) {
    String amount = display(amountMicros, currency);
    ObjectNode details =
        of(
            "amountMicros",
            String.valueOf(amountMicros),
            "currency",
            currency,
            "amountDisplayString",
            amount,
            "tier",
            tier(amountMicros));
    if (comment != null) {
      details.put("userComment", comment);
    }
    return add(
        buyer,
        "superChatEvent",
        amount + " from " + buyer.displayName() + (comment == null ? "" : ": \"" + comment + "\""),
        "superChatDetails",
        details);
  }

  /**
   * A Super Sticker.
   *
   * @param buyer the buyer
   * @param amountMicros the amount micros
   * @param currency the currency
   * @param stickerId the sticker id
   * @param altText the alt text
   * @return a Super Sticker
   */
  public String superSticker(
      Viewer buyer, long amountMicros, String currency, String stickerId, String altText) {
    String amount = display(amountMicros, currency);
    ObjectNode details =
        of(
            "amountMicros", String.valueOf(amountMicros),
            "currency", currency,
            "amountDisplayString", amount,
            "tier", tier(amountMicros),
            "superStickerMetadata",
                of("stickerId", stickerId, "altText", altText, "altTextLanguage", "en"));
    return add(
        buyer,
        "superStickerEvent",
        "Super Sticker from " + buyer.displayName() + ": " + altText,
        "superStickerDetails",
        details);
  }

  /**
   * A new member ({@code newSponsorEvent}).
   *
   * @param member the member
   * @param levelName the level name
   * @return a new member ({@code newSponsorEvent})
   */
  public String newMember(Viewer member, String levelName) {
    return add(
        member,
        "newSponsorEvent",
        "Welcome to " + levelName + "!",
        "newSponsorDetails",
        of("memberLevelName", levelName, "isUpgrade", false));
  }

  /**
   * A member's milestone message.
   *
   * @param member the member
   * @param levelName the level name
   * @param months the months
   * @param comment the comment
   * @return a member's milestone message
   */
  public String memberMilestone(Viewer member, String levelName, int months, String comment) {
    ObjectNode details = of("memberLevelName", levelName, "memberMonth", months);
    if (comment != null) {
      details.put("userComment", comment);
    }
    return add(
        member,
        "memberMilestoneChatEvent",
        member.displayName() + " has been a member for " + months + " months",
        "memberMilestoneChatDetails",
        details);
  }

  /**
   * Gift memberships bought by {@code gifter}.
   *
   * @param gifter the gifter
   * @param count the count
   * @param levelName the level name
   * @return gift memberships bought by {@code gifter}
   */
  public String membershipGifting(Viewer gifter, int count, String levelName) {
    return add(
        gifter,
        "membershipGiftingEvent",
        gifter.displayName() + " gifted " + count + " memberships",
        "membershipGiftingDetails",
        of("giftMembershipsCount", count, "giftMembershipsLevelName", levelName));
  }

  /**
   * A gift membership received by {@code member}, from a {@link #membershipGifting} message.
   *
   * @param member the member
   * @param gifter the gifter
   * @param levelName the level name
   * @param giftingMessageId the gifting message id
   * @return a gift membership received by {@code member}, from a {@link #membershipGifting} message
   */
  public String giftMembershipReceived(
      Viewer member, Viewer gifter, String levelName, String giftingMessageId) {
    return add(
        member,
        "giftMembershipReceivedEvent",
        member.displayName() + " received a gift membership from " + gifter.displayName(),
        "giftMembershipReceivedDetails",
        of(
            "memberLevelName", levelName,
            "gifterChannelId", gifter.channelId(),
            "associatedMembershipGiftingMessageId", giftingMessageId));
  }

  /**
   * A virtual gift, worth {@code jewels}.
   *
   * @param buyer the buyer
   * @param giftName the gift name
   * @param jewels the jewels
   * @param comboCount the combo count
   * @return a virtual gift, worth {@code jewels}
   */
  public String gift(Viewer buyer, String giftName, int jewels, int comboCount) {
    return add(
        buyer,
        "giftEvent",
        buyer.displayName() + " sent " + giftName,
        "giftDetails",
        of(
            "giftName",
            giftName,
            "giftDuration",
            "5s",
            "jewelsAmount",
            jewels,
            "giftUrl",
            "https://yt3.ggpht.com/emulator/gift/" + giftName,
            "altText",
            giftName,
            "language",
            "en",
            "hasVisualEffect",
            jewels >= 100,
            "comboCount",
            comboCount));
  }

  /**
   * A poll by {@code creator}: its question, options and tallies; {@code active} while it runs.
   * Post it again with new tallies (and {@code active} false to close it).
   *
   * @param creator the creator
   * @param question the question
   * @param options the options
   * @param tallies the tallies
   * @param active the active
   * @return a poll by {@code creator}: its question, options and tallies; {@code active} while it
   *     runs
   */
  public String poll(
      Viewer creator, String question, List<String> options, List<Long> tallies, boolean active) {
    if (options.size() != tallies.size()) {
      throw new IllegalArgumentException("one tally per option: " + options + " " + tallies);
    }
    ArrayNode shown = Jsons.array();
    for (int i = 0; i < options.size(); i++) {
      shown.add(of("optionText", options.get(i), "tally", String.valueOf(tallies.get(i))));
    }
    return add(
        creator,
        "pollEvent",
        question,
        "pollDetails",
        of(
            "metadata",
            of("questionText", question, "options", shown),
            "status",
            active ? "active" : "closed"));
  }

  /**
   * Deletes a message as the chat's owner: a tombstone with its id.
   *
   * @param messageId the message id
   * @return the deleted message's id
   */
  public String delete(String messageId) {
    synchronized (backend) {
      LiveChats.ChatLog log = log();
      ObjectNode message = backend.store.get(Kinds.LIVE_CHAT_MESSAGE, messageId);
      if (message == null || !chatId.equals(str(message, "snippet.liveChatId"))) {
        throw new IllegalArgumentException("no message " + messageId + " in chat " + chatId);
      }
      backend.liveChats.append(log, backend.liveChats.tombstone(message));
      return messageId;
    }
  }

  /**
   * Bans {@code user} as the chat's owner: for {@code duration}, or for good when null.
   *
   * @param user the user
   * @param duration the duration
   * @return the id of the ban's message in the chat
   */
  public String ban(Viewer user, Duration duration) {
    synchronized (backend) {
      LiveChats.ChatLog log = log();
      ObjectNode ban =
          backend.liveChats.recordBan(chatId, user, duration == null ? 0 : duration.toSeconds());
      ObjectNode event = backend.liveChats.banEvent(chatId, owner(), user, ban);
      backend.liveChats.append(log, event);
      return event.path("id").asText();
    }
  }

  /**
   * Members-only mode started ({@code true}) or ended.
   *
   * @param on the on
   * @return members-only mode started ({@code true}) or ended
   */
  public String membersOnly(boolean on) {
    return add(
        owner(),
        on ? "sponsorOnlyModeStartedEvent" : "sponsorOnlyModeEndedEvent",
        on ? "Members-only mode is on" : "Members-only mode is off",
        null,
        null);
  }

  /** Ends the chat, as the broadcast's transition to {@code complete} does. */
  public void end() {
    synchronized (backend) {
      ObjectNode broadcast = backend.liveChats.broadcastOf(chatId);
      ObjectNode copy = broadcast.deepCopy();
      Jsons.obj(copy, "status").put("lifeCycleStatus", "complete");
      Jsons.obj(copy, "snippet").put("actualEndTime", Jsons.time(backend.clock.instant()));
      backend.store.put(Kinds.LIVE_BROADCAST, copy);
      backend.liveChats.broadcastCompleted(copy);
    }
  }

  /** {@return whether the chat has ended} */
  public boolean ended() {
    return backend.liveChats.log(chatId).ended();
  }

  /** {@return how many messages the chat's log holds, tombstones and events included} */
  public int size() {
    return backend.liveChats.log(chatId).size();
  }

  /**
   * Ends every open gRPC stream of this chat with {@code UNAVAILABLE}, as a dropped connection
   * would; a client resumes with its last page token.
   *
   * @return how many streams were cut
   */
  public int cutStreams() {
    return streams.cut(chatId, io.grpc.Status.UNAVAILABLE.withDescription("stream cut by a test"));
  }

  /** {@return how many gRPC streams of this chat are open} */
  public int openStreams() {
    return streams.openStreams(chatId);
  }

  private String add(
      Viewer author, String type, String display, String detailsName, ObjectNode details) {
    Objects.requireNonNull(author, "author == null");
    synchronized (backend) {
      LiveChats.ChatLog log = log();
      ObjectNode message =
          backend.liveChats.message(chatId, type, author, display, detailsName, details);
      backend.liveChats.append(log, message);
      return message.path("id").asText();
    }
  }

  private LiveChats.ChatLog log() {
    LiveChats.ChatLog log = backend.liveChats.logLocked(chatId);
    if (log.ended()) {
      throw new IllegalStateException("the chat " + chatId + " has ended");
    }
    return log;
  }

  private Viewer owner() {
    synchronized (backend) {
      ObjectNode broadcast = backend.liveChats.broadcastOf(chatId);
      return backend.liveChats.viewerOf(str(broadcast, "snippet.channelId"));
    }
  }

  private static String display(long micros, String currency) {
    String symbol = currency.equals("USD") ? "$" : currency.equals("EUR") ? "€" : currency + " ";
    return symbol + String.format(Locale.ROOT, "%.2f", micros / 1_000_000.0);
  }

  private static int tier(long micros) {
    long units = micros / 1_000_000;
    return units < 2 ? 1 : units < 5 ? 2 : units < 10 ? 3 : units < 20 ? 4 : units < 50 ? 5 : 6;
  }

  @Override
  public String toString() {
    return "EmulatedChat[" + chatId + "]";
  }
}
