package io.github.jyoutube.livechat;

import io.github.jyoutube.livechat.ChatEvent.Author;
import io.github.jyoutube.livechat.ChatEvent.Profile;
import io.github.jyoutube.livechat.proto.ChannelProfileDetails;
import io.github.jyoutube.livechat.proto.LiveChatMessageAuthorDetails;
import io.github.jyoutube.livechat.proto.LiveChatMessageSnippet;
import io.github.jyoutube.livechat.proto.LiveChatPollDetails;
import io.github.jyoutube.livechat.proto.LiveChatUserBannedMessageDetails;
import io.github.jyoutube.model.DateTime;
import io.github.jyoutube.model.LiveChatMessage;
import io.github.jyoutube.model.LiveChatMessageSnippet.Type;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Turns a chat message into its {@link ChatEvent}: from the gRPC stream's protocol buffer, or from
 * the REST API's JSON model. Both give equal records for the same message, so that the two
 * transports can take over from each other.
 */
final class Events {

  private Events() {}

  // ---- gRPC ------------------------------------------------------------------------------------

  static ChatEvent of(io.github.jyoutube.livechat.proto.LiveChatMessage message) {
    LiveChatMessageSnippet s = message.getSnippet();
    String id = opt(message::hasId, message::getId);
    Instant at = instant(opt(s::hasPublishedAt, s::getPublishedAt));
    Author author = author(message, s);
    String display = opt(s::hasDisplayMessage, s::getDisplayMessage);
    return switch (s.getType()) {
      case TEXT_MESSAGE_EVENT ->
          new ChatEvent.TextMessage(
              id,
              at,
              author,
              s.hasTextMessageDetails()
                  ? opt(
                      s.getTextMessageDetails()::hasMessageText,
                      s.getTextMessageDetails()::getMessageText)
                  : display);
      case SUPER_CHAT_EVENT -> {
        var d = s.getSuperChatDetails();
        yield new ChatEvent.SuperChat(
            id,
            at,
            author,
            d.getAmountMicros(),
            opt(d::hasCurrency, d::getCurrency),
            opt(d::hasAmountDisplayString, d::getAmountDisplayString),
            opt(d::hasUserComment, d::getUserComment),
            d.getTier());
      }
      case SUPER_STICKER_EVENT -> {
        var d = s.getSuperStickerDetails();
        var m = d.getSuperStickerMetadata();
        yield new ChatEvent.SuperSticker(
            id,
            at,
            author,
            d.getAmountMicros(),
            opt(d::hasCurrency, d::getCurrency),
            opt(d::hasAmountDisplayString, d::getAmountDisplayString),
            d.getTier(),
            opt(m::hasStickerId, m::getStickerId),
            opt(m::hasAltText, m::getAltText),
            opt(m::hasAltTextLanguage, m::getAltTextLanguage));
      }
      case FAN_FUNDING_EVENT -> new ChatEvent.FanFunding(id, at, author, 0, null, null, display);
      case NEW_SPONSOR_EVENT -> {
        var d = s.getNewSponsorDetails();
        yield new ChatEvent.NewMember(
            id, at, author, opt(d::hasMemberLevelName, d::getMemberLevelName), d.getIsUpgrade());
      }
      case MEMBER_MILESTONE_CHAT_EVENT -> {
        var d = s.getMemberMilestoneChatDetails();
        yield new ChatEvent.MemberMilestone(
            id,
            at,
            author,
            opt(d::hasMemberLevelName, d::getMemberLevelName),
            d.getMemberMonth(),
            opt(d::hasUserComment, d::getUserComment));
      }
      case MEMBERSHIP_GIFTING_EVENT -> {
        var d = s.getMembershipGiftingDetails();
        yield new ChatEvent.MembershipGifting(
            id,
            at,
            author,
            d.getGiftMembershipsCount(),
            opt(d::hasGiftMembershipsLevelName, d::getGiftMembershipsLevelName));
      }
      case GIFT_MEMBERSHIP_RECEIVED_EVENT -> {
        var d = s.getGiftMembershipReceivedDetails();
        yield new ChatEvent.GiftMembershipReceived(
            id,
            at,
            author,
            opt(d::hasMemberLevelName, d::getMemberLevelName),
            opt(d::hasGifterChannelId, d::getGifterChannelId),
            opt(
                d::hasAssociatedMembershipGiftingMessageId,
                d::getAssociatedMembershipGiftingMessageId));
      }
      case GIFT_EVENT -> {
        var d = s.getGiftDetails();
        yield new ChatEvent.Gift(
            id,
            at,
            author,
            opt(d::hasGiftName, d::getGiftName),
            d.hasGiftDuration()
                ? Duration.ofSeconds(
                    d.getGiftDuration().getSeconds(), d.getGiftDuration().getNanos())
                : null,
            d.getJewelsAmount(),
            opt(d::hasGiftUrl, d::getGiftUrl),
            opt(d::hasAltText, d::getAltText),
            opt(d::hasLanguage, d::getLanguage),
            d.getHasVisualEffect(),
            d.getComboCount());
      }
      case POLL_EVENT -> {
        LiveChatPollDetails d = s.getPollDetails();
        List<ChatEvent.PollOption> options = new ArrayList<>();
        for (var option : d.getMetadata().getOptionsList()) {
          options.add(
              new ChatEvent.PollOption(
                  opt(option::hasOptionText, option::getOptionText), option.getTally()));
        }
        ChatEvent.PollStatus status =
            switch (d.getStatus()) {
              case ACTIVE -> ChatEvent.PollStatus.ACTIVE;
              case CLOSED -> ChatEvent.PollStatus.CLOSED;
              default -> ChatEvent.PollStatus.UNKNOWN;
            };
        yield new ChatEvent.Poll(
            id,
            at,
            author,
            opt(d.getMetadata()::hasQuestionText, d.getMetadata()::getQuestionText),
            options,
            status);
      }
      case TOMBSTONE -> new ChatEvent.MessageDeleted(id, at, author, id);
      case USER_BANNED_EVENT -> {
        LiveChatUserBannedMessageDetails d = s.getUserBannedDetails();
        ChannelProfileDetails u = d.getBannedUserDetails();
        boolean temporary =
            d.getBanType() == LiveChatUserBannedMessageDetails.BanTypeWrapper.BanType.TEMPORARY;
        yield new ChatEvent.UserBanned(
            id,
            at,
            author,
            new Profile(
                opt(u::hasChannelId, u::getChannelId),
                opt(u::hasDisplayName, u::getDisplayName),
                opt(u::hasChannelUrl, u::getChannelUrl),
                opt(u::hasProfileImageUrl, u::getProfileImageUrl)),
            temporary ? Duration.ofSeconds(d.getBanDurationSeconds()) : null);
      }
      case SPONSOR_ONLY_MODE_STARTED_EVENT -> new ChatEvent.MembersOnlyModeStarted(id, at, author);
      case SPONSOR_ONLY_MODE_ENDED_EVENT -> new ChatEvent.MembersOnlyModeEnded(id, at, author);
      case CHAT_ENDED_EVENT -> new ChatEvent.ChatEnded(id, at, author);
      default -> new ChatEvent.Unknown(id, at, author, restType(s.getType()), display);
    };
  }

  private static Author author(
      io.github.jyoutube.livechat.proto.LiveChatMessage message, LiveChatMessageSnippet s) {
    if (!message.hasAuthorDetails()) {
      return new Author(
          opt(s::hasAuthorChannelId, s::getAuthorChannelId),
          null,
          null,
          null,
          false,
          false,
          false,
          false);
    }
    LiveChatMessageAuthorDetails a = message.getAuthorDetails();
    return new Author(
        opt(a::hasChannelId, a::getChannelId),
        opt(a::hasDisplayName, a::getDisplayName),
        opt(a::hasChannelUrl, a::getChannelUrl),
        opt(a::hasProfileImageUrl, a::getProfileImageUrl),
        a.getIsVerified(),
        a.getIsChatOwner(),
        a.getIsChatModerator(),
        a.getIsChatSponsor());
  }

  /** The REST name of a gRPC type: {@code TEXT_MESSAGE_EVENT} is {@code textMessageEvent}. */
  private static String restType(LiveChatMessageSnippet.TypeWrapper.Type type) {
    String[] words = type.name().toLowerCase(java.util.Locale.ROOT).split("_");
    StringBuilder name = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return name.toString();
  }

  private static String opt(BooleanSupplier has, Supplier<String> get) {
    return has.getAsBoolean() ? get.get() : null;
  }

  // ---- REST ------------------------------------------------------------------------------------

  static ChatEvent of(LiveChatMessage message) {
    var s = message.snippet();
    if (s == null) {
      return new ChatEvent.Unknown(message.id(), null, author(message, null), null, null);
    }
    String id = message.id();
    Instant at = instant(s.publishedAt());
    Author author = author(message, s.authorChannelId());
    Type type = s.type();
    String display = s.displayMessage();
    if (type == null) {
      return new ChatEvent.Unknown(id, at, author, null, display);
    }
    if (type.equals(Type.TEXT_MESSAGE_EVENT)) {
      return new ChatEvent.TextMessage(
          id,
          at,
          author,
          s.textMessageDetails() != null ? s.textMessageDetails().messageText() : display);
    }
    if (type.equals(Type.SUPER_CHAT_EVENT) && s.superChatDetails() != null) {
      var d = s.superChatDetails();
      return new ChatEvent.SuperChat(
          id,
          at,
          author,
          micros(d.amountMicros()),
          d.currency(),
          d.amountDisplayString(),
          d.userComment(),
          (int) number(d.tier()));
    }
    if (type.equals(Type.SUPER_STICKER_EVENT) && s.superStickerDetails() != null) {
      var d = s.superStickerDetails();
      var m = d.superStickerMetadata();
      return new ChatEvent.SuperSticker(
          id,
          at,
          author,
          micros(d.amountMicros()),
          d.currency(),
          d.amountDisplayString(),
          (int) number(d.tier()),
          m == null ? null : m.stickerId(),
          m == null ? null : m.altText(),
          m == null ? null : m.altTextLanguage());
    }
    if (type.equals(Type.FAN_FUNDING_EVENT)) {
      var d = s.fanFundingEventDetails();
      return d == null
          ? new ChatEvent.FanFunding(id, at, author, 0, null, null, display)
          : new ChatEvent.FanFunding(
              id,
              at,
              author,
              micros(d.amountMicros()),
              d.currency(),
              d.amountDisplayString(),
              d.userComment());
    }
    if (type.equals(Type.NEW_SPONSOR_EVENT)) {
      var d = s.newSponsorDetails();
      return new ChatEvent.NewMember(
          id,
          at,
          author,
          d == null ? null : d.memberLevelName(),
          d != null && Boolean.TRUE.equals(d.isUpgrade()));
    }
    if (type.equals(Type.MEMBER_MILESTONE_CHAT_EVENT)) {
      var d = s.memberMilestoneChatDetails();
      return new ChatEvent.MemberMilestone(
          id,
          at,
          author,
          d == null ? null : d.memberLevelName(),
          d == null ? 0 : (int) number(d.memberMonth()),
          d == null ? null : d.userComment());
    }
    if (type.equals(Type.MEMBERSHIP_GIFTING_EVENT)) {
      var d = s.membershipGiftingDetails();
      return new ChatEvent.MembershipGifting(
          id,
          at,
          author,
          d == null || d.giftMembershipsCount() == null ? 0 : d.giftMembershipsCount(),
          d == null ? null : d.giftMembershipsLevelName());
    }
    if (type.equals(Type.GIFT_MEMBERSHIP_RECEIVED_EVENT)) {
      var d = s.giftMembershipReceivedDetails();
      return new ChatEvent.GiftMembershipReceived(
          id,
          at,
          author,
          d == null ? null : d.memberLevelName(),
          d == null ? null : d.gifterChannelId(),
          d == null ? null : d.associatedMembershipGiftingMessageId());
    }
    if (type.equals(Type.GIFT_EVENT) && s.giftDetails() != null) {
      var d = s.giftDetails();
      return new ChatEvent.Gift(
          id,
          at,
          author,
          d.giftName(),
          googleDuration(d.giftDuration()),
          d.jewelsAmount() == null ? 0 : d.jewelsAmount(),
          d.giftUrl(),
          d.altText(),
          d.language(),
          Boolean.TRUE.equals(d.hasVisualEffect()),
          d.comboCount() == null ? 0 : d.comboCount());
    }
    if (type.equals(Type.POLL_EVENT) && s.pollDetails() != null) {
      var d = s.pollDetails();
      List<ChatEvent.PollOption> options = new ArrayList<>();
      String question = null;
      if (d.metadata() != null) {
        question = d.metadata().questionText();
        if (d.metadata().options() != null) {
          for (var option : d.metadata().options()) {
            options.add(new ChatEvent.PollOption(option.optionText(), number(option.tally())));
          }
        }
      }
      ChatEvent.PollStatus status = ChatEvent.PollStatus.UNKNOWN;
      if (d.status() != null && d.status().value().equals("active")) {
        status = ChatEvent.PollStatus.ACTIVE;
      } else if (d.status() != null && d.status().value().equals("closed")) {
        status = ChatEvent.PollStatus.CLOSED;
      }
      return new ChatEvent.Poll(id, at, author, question, options, status);
    }
    if (type.equals(Type.TOMBSTONE)) {
      return new ChatEvent.MessageDeleted(id, at, author, id);
    }
    if (type.equals(Type.MESSAGE_DELETED_EVENT)) {
      var d = s.messageDeletedDetails();
      return new ChatEvent.MessageDeleted(id, at, author, d == null ? null : d.deletedMessageId());
    }
    if (type.equals(Type.MESSAGE_RETRACTED_EVENT)) {
      var d = s.messageRetractedDetails();
      return new ChatEvent.MessageDeleted(
          id, at, author, d == null ? null : d.retractedMessageId());
    }
    if (type.equals(Type.USER_BANNED_EVENT) && s.userBannedDetails() != null) {
      var d = s.userBannedDetails();
      var u = d.bannedUserDetails();
      boolean temporary = d.banType() != null && d.banType().value().equals("temporary");
      return new ChatEvent.UserBanned(
          id,
          at,
          author,
          u == null
              ? new Profile(null, null, null, null)
              : new Profile(u.channelId(), u.displayName(), u.channelUrl(), u.profileImageUrl()),
          temporary ? Duration.ofSeconds(micros(d.banDurationSeconds())) : null);
    }
    if (type.equals(Type.SPONSOR_ONLY_MODE_STARTED_EVENT)) {
      return new ChatEvent.MembersOnlyModeStarted(id, at, author);
    }
    if (type.equals(Type.SPONSOR_ONLY_MODE_ENDED_EVENT)) {
      return new ChatEvent.MembersOnlyModeEnded(id, at, author);
    }
    if (type.equals(Type.CHAT_ENDED_EVENT)) {
      return new ChatEvent.ChatEnded(id, at, author);
    }
    return new ChatEvent.Unknown(id, at, author, type.value(), display);
  }

  private static Author author(LiveChatMessage message, String authorChannelId) {
    var a = message.authorDetails();
    if (a == null) {
      return new Author(authorChannelId, null, null, null, false, false, false, false);
    }
    return new Author(
        a.channelId(),
        a.displayName(),
        a.channelUrl(),
        a.profileImageUrl(),
        Boolean.TRUE.equals(a.isVerified()),
        Boolean.TRUE.equals(a.isChatOwner()),
        Boolean.TRUE.equals(a.isChatModerator()),
        Boolean.TRUE.equals(a.isChatSponsor()));
  }

  private static long micros(BigInteger value) {
    return value == null ? 0 : value.longValue();
  }

  private static long number(Number value) {
    return value == null ? 0 : value.longValue();
  }

  /** A {@code google-duration} ({@code "3.5s"}); {@code null} if absent or unreadable. */
  private static Duration googleDuration(String text) {
    if (text == null || !text.endsWith("s")) {
      return null;
    }
    try {
      return Duration.ofNanos(
          new java.math.BigDecimal(text.substring(0, text.length() - 1))
              .movePointRight(9)
              .longValueExact());
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  private static Instant instant(DateTime time) {
    return time == null ? null : instant(time.value());
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
