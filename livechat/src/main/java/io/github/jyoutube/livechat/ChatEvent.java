package io.github.jyoutube.livechat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message of a live chat, typed by what happened: a text, a Super Chat or Super Sticker, a
 * membership event, a gift, a poll, a deletion, a ban, a change of mode, or the chat's end. The
 * gRPC stream and the REST list give the same records for the same message.
 *
 * <p>Every event has the message's {@link #id()}, when it was {@link #publishedAt() published} and
 * its {@link #author()}: who wrote, bought, joined or moderated (see each record). Text fields
 * YouTube left out are {@code null}; numbers it left out are 0.
 *
 * <pre>{@code
 * if (event instanceof ChatEvent.TextMessage m) {
 *   System.out.println(m.author().displayName() + ": " + m.text());
 * } else if (event instanceof ChatEvent.SuperChat s) {
 *   System.out.println(s.amountDisplay() + " from " + s.author().displayName());
 * }
 * }</pre>
 */
public sealed interface ChatEvent
    permits ChatEvent.TextMessage,
        ChatEvent.SuperChat,
        ChatEvent.SuperSticker,
        ChatEvent.FanFunding,
        ChatEvent.NewMember,
        ChatEvent.MemberMilestone,
        ChatEvent.MembershipGifting,
        ChatEvent.GiftMembershipReceived,
        ChatEvent.Gift,
        ChatEvent.Poll,
        ChatEvent.MessageDeleted,
        ChatEvent.UserBanned,
        ChatEvent.MembersOnlyModeStarted,
        ChatEvent.MembersOnlyModeEnded,
        ChatEvent.ChatEnded,
        ChatEvent.Unknown {

  /** {@return the message's id} */
  String id();

  /** {@return when the message was published, or {@code null} if YouTube did not say} */
  Instant publishedAt();

  /** {@return who the message is from; for a ban or a deletion, the moderator} */
  Author author();

  /**
   * The author of a message, as the chat shows them.
   *
   * @param channelId the channel ID
   * @param displayName the name shown, or {@code null}
   * @param channelUrl the channel's URL, or {@code null}
   * @param profileImageUrl the avatar's URL, or {@code null}
   * @param verified whether YouTube verified the channel
   * @param owner whether the author owns the chat
   * @param moderator whether the author moderates the chat
   * @param member whether the author is a member (a "sponsor") of the channel
   */
  record Author(
      String channelId,
      String displayName,
      String channelUrl,
      String profileImageUrl,
      boolean verified,
      boolean owner,
      boolean moderator,
      boolean member) {}

  /**
   * A channel named by an event, such as the user a ban is about.
   *
   * @param channelId the channel ID
   * @param displayName the name shown, or {@code null}
   * @param channelUrl the channel's URL, or {@code null}
   * @param profileImageUrl the avatar's URL, or {@code null}
   */
  record Profile(String channelId, String displayName, String channelUrl, String profileImageUrl) {}

  /**
   * A text message ({@code textMessageEvent}).
   *
   * @param id the message's id
   * @param publishedAt when it was sent
   * @param author who wrote it
   * @param text what they wrote
   */
  record TextMessage(String id, Instant publishedAt, Author author, String text)
      implements ChatEvent {}

  /**
   * A Super Chat: a paid, highlighted message ({@code superChatEvent}).
   *
   * @param id the message's id
   * @param publishedAt when it was bought
   * @param author who bought it
   * @param amountMicros the amount in millionths of the currency's unit (1.75 is 1,750,000)
   * @param currency the ISO 4217 currency code
   * @param amountDisplay the amount as YouTube shows it, such as {@code $5.00}
   * @param comment the buyer's message, or {@code null}
   * @param tier the highlight's tier, from 1 (the lowest amounts) up
   */
  record SuperChat(
      String id,
      Instant publishedAt,
      Author author,
      long amountMicros,
      String currency,
      String amountDisplay,
      String comment,
      int tier)
      implements ChatEvent {

    /** {@return the amount in the currency's unit: {@code amountMicros} / 1,000,000} */
    public BigDecimal amount() {
      return BigDecimal.valueOf(amountMicros, 6);
    }
  }

  /**
   * A Super Sticker ({@code superStickerEvent}).
   *
   * @param id the message's id
   * @param publishedAt when it was bought
   * @param author who bought it
   * @param amountMicros the amount in millionths of the currency's unit
   * @param currency the ISO 4217 currency code
   * @param amountDisplay the amount as YouTube shows it
   * @param tier the tier, from 1 up
   * @param stickerId the sticker's id, or {@code null}
   * @param altText the sticker's description, or {@code null}
   * @param altTextLanguage the language of {@code altText}, or {@code null}
   */
  record SuperSticker(
      String id,
      Instant publishedAt,
      Author author,
      long amountMicros,
      String currency,
      String amountDisplay,
      int tier,
      String stickerId,
      String altText,
      String altTextLanguage)
      implements ChatEvent {

    /** {@return the amount in the currency's unit: {@code amountMicros} / 1,000,000} */
    public BigDecimal amount() {
      return BigDecimal.valueOf(amountMicros, 6);
    }
  }

  /**
   * A fan funding event ({@code fanFundingEvent}), the Super Chat's deprecated predecessor. Over
   * gRPC only its display text comes, as {@code comment}.
   *
   * @param id the message's id
   * @param publishedAt when it was sent
   * @param author the funder
   * @param amountMicros the amount in millionths of the currency's unit, or 0
   * @param currency the currency, or {@code null}
   * @param amountDisplay the amount as shown, or {@code null}
   * @param comment the funder's comment, or the message's display text
   */
  record FanFunding(
      String id,
      Instant publishedAt,
      Author author,
      long amountMicros,
      String currency,
      String amountDisplay,
      String comment)
      implements ChatEvent {}

  /**
   * A new member ({@code newSponsorEvent}).
   *
   * @param id the message's id
   * @param publishedAt when they joined
   * @param author the new member
   * @param levelName the membership level, or {@code null}
   * @param upgrade whether they moved up from a lower level
   */
  record NewMember(String id, Instant publishedAt, Author author, String levelName, boolean upgrade)
      implements ChatEvent {}

  /**
   * A member's milestone message ({@code memberMilestoneChatEvent}).
   *
   * @param id the message's id
   * @param publishedAt when it was sent
   * @param author the member
   * @param levelName the membership level, or {@code null}
   * @param months how many months they have been a member
   * @param comment their message, or {@code null}
   */
  record MemberMilestone(
      String id, Instant publishedAt, Author author, String levelName, int months, String comment)
      implements ChatEvent {}

  /**
   * Gift memberships bought for others ({@code membershipGiftingEvent}).
   *
   * @param id the message's id
   * @param publishedAt when they were bought
   * @param author the buyer
   * @param count how many memberships
   * @param levelName their level, or {@code null}
   */
  record MembershipGifting(
      String id, Instant publishedAt, Author author, int count, String levelName)
      implements ChatEvent {}

  /**
   * A gift membership received ({@code giftMembershipReceivedEvent}).
   *
   * @param id the message's id
   * @param publishedAt when it was received
   * @param author who received it
   * @param levelName its level, or {@code null}
   * @param gifterChannelId the buyer's channel
   * @param giftingMessageId the {@link MembershipGifting} message it came from
   */
  record GiftMembershipReceived(
      String id,
      Instant publishedAt,
      Author author,
      String levelName,
      String gifterChannelId,
      String giftingMessageId)
      implements ChatEvent {}

  /**
   * A virtual gift ({@code giftEvent}). The same id comes again while the combo goes on.
   *
   * @param id the message's id
   * @param publishedAt when it was sent
   * @param author who sent it
   * @param name the gift's name
   * @param duration how long it shows, or {@code null}
   * @param jewels its value in jewels
   * @param imageUrl its image, or {@code null}
   * @param altText its description, or {@code null}
   * @param language the language of the texts, or {@code null}
   * @param visualEffect whether it has a visual effect
   * @param comboCount how many times it was sent in a row
   */
  record Gift(
      String id,
      Instant publishedAt,
      Author author,
      String name,
      Duration duration,
      int jewels,
      String imageUrl,
      String altText,
      String language,
      boolean visualEffect,
      int comboCount)
      implements ChatEvent {}

  /**
   * A poll ({@code pollEvent}): sent when it opens, and again as its tallies change and when it
   * closes, under the same id: from the chat's messages, or from the {@code activePollItem} that
   * every response carries while the poll runs (an event only when it has changed).
   *
   * @param id the poll's id
   * @param publishedAt when it was published
   * @param author who asked
   * @param question the question
   * @param options the options in the order shown, with their tallies
   * @param status whether it is open
   */
  record Poll(
      String id,
      Instant publishedAt,
      Author author,
      String question,
      List<PollOption> options,
      PollStatus status)
      implements ChatEvent {

    /**
     * Copies the options.
     *
     * @param id the message's id
     * @param publishedAt when the poll was published
     * @param author the author
     * @param question the question
     * @param status the status
     * @param options the options
     */
    public Poll {
      options = List.copyOf(options);
      Objects.requireNonNull(status, "status == null");
    }
  }

  /**
   * One option of a poll.
   *
   * @param text the option
   * @param tally how many chose it
   */
  record PollOption(String text, long tally) {}

  /** Where a poll is in its life. */
  enum PollStatus {
    /** Open for votes. */
    ACTIVE,
    /** Closed. */
    CLOSED,
    /** Not said, or a value this library does not know. */
    UNKNOWN
  }

  /**
   * A message was deleted: a {@code tombstone} (its id is the deleted message's) or a {@code
   * messageDeletedEvent} or {@code messageRetractedEvent} (which name it).
   *
   * @param id the message's id
   * @param publishedAt when it was deleted
   * @param author the deleted message's author, or the moderator
   * @param deletedMessageId the id of the message to take down
   */
  record MessageDeleted(String id, Instant publishedAt, Author author, String deletedMessageId)
      implements ChatEvent {}

  /**
   * A user was banned ({@code userBannedEvent}), for good or for a time.
   *
   * @param id the message's id
   * @param publishedAt when
   * @param author the moderator
   * @param bannedUser who was banned
   * @param duration how long, or {@code null} for a permanent ban
   */
  record UserBanned(
      String id, Instant publishedAt, Author author, Profile bannedUser, Duration duration)
      implements ChatEvent {

    /** {@return whether the ban has no end} */
    public boolean permanent() {
      return duration == null;
    }
  }

  /**
   * Only members may write from now on ({@code sponsorOnlyModeStartedEvent}).
   *
   * @param id the message's id
   * @param publishedAt when
   * @param author who changed the mode
   */
  record MembersOnlyModeStarted(String id, Instant publishedAt, Author author)
      implements ChatEvent {}

  /**
   * Everyone may write again ({@code sponsorOnlyModeEndedEvent}).
   *
   * @param id the message's id
   * @param publishedAt when
   * @param author who changed the mode
   */
  record MembersOnlyModeEnded(String id, Instant publishedAt, Author author) implements ChatEvent {}

  /**
   * The chat ended ({@code chatEndedEvent}): the last event of a chat.
   *
   * @param id the message's id
   * @param publishedAt when
   * @param author the chat's owner, or whoever YouTube names
   */
  record ChatEnded(String id, Instant publishedAt, Author author) implements ChatEvent {}

  /**
   * A message of a type this version of the library does not know.
   *
   * @param id the message's id
   * @param publishedAt when
   * @param author its author
   * @param type its type as sent ({@code invalidType} or a newer value)
   * @param displayMessage the text YouTube would show, or {@code null}
   */
  record Unknown(String id, Instant publishedAt, Author author, String type, String displayMessage)
      implements ChatEvent {}
}
