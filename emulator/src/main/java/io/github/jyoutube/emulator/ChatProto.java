package io.github.jyoutube.emulator;

import static io.github.jyoutube.emulator.Jsons.at;
import static io.github.jyoutube.emulator.Jsons.str;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jyoutube.livechat.proto.ChannelProfileDetails;
import io.github.jyoutube.livechat.proto.LiveChatGiftDetails;
import io.github.jyoutube.livechat.proto.LiveChatGiftMembershipReceivedDetails;
import io.github.jyoutube.livechat.proto.LiveChatMemberMilestoneChatDetails;
import io.github.jyoutube.livechat.proto.LiveChatMembershipGiftingDetails;
import io.github.jyoutube.livechat.proto.LiveChatMessage;
import io.github.jyoutube.livechat.proto.LiveChatMessageAuthorDetails;
import io.github.jyoutube.livechat.proto.LiveChatMessageSnippet;
import io.github.jyoutube.livechat.proto.LiveChatMessageSnippet.TypeWrapper.Type;
import io.github.jyoutube.livechat.proto.LiveChatNewSponsorDetails;
import io.github.jyoutube.livechat.proto.LiveChatPollDetails;
import io.github.jyoutube.livechat.proto.LiveChatSuperChatDetails;
import io.github.jyoutube.livechat.proto.LiveChatSuperStickerDetails;
import io.github.jyoutube.livechat.proto.LiveChatTextMessageDetails;
import io.github.jyoutube.livechat.proto.LiveChatUserBannedMessageDetails;
import io.github.jyoutube.livechat.proto.SuperStickerMetadata;
import java.util.Map;

/**
 * A chat message as the REST API shows it (JSON), turned into the message the gRPC stream sends:
 * the same content, with snake_case fields and enum numbers.
 */
final class ChatProto {

  private ChatProto() {}

  private static final Map<String, Type> TYPES =
      Map.ofEntries(
          Map.entry("textMessageEvent", Type.TEXT_MESSAGE_EVENT),
          Map.entry("tombstone", Type.TOMBSTONE),
          Map.entry("messageDeletedEvent", Type.TOMBSTONE),
          Map.entry("fanFundingEvent", Type.FAN_FUNDING_EVENT),
          Map.entry("chatEndedEvent", Type.CHAT_ENDED_EVENT),
          Map.entry("sponsorOnlyModeStartedEvent", Type.SPONSOR_ONLY_MODE_STARTED_EVENT),
          Map.entry("sponsorOnlyModeEndedEvent", Type.SPONSOR_ONLY_MODE_ENDED_EVENT),
          Map.entry("newSponsorEvent", Type.NEW_SPONSOR_EVENT),
          Map.entry("memberMilestoneChatEvent", Type.MEMBER_MILESTONE_CHAT_EVENT),
          Map.entry("membershipGiftingEvent", Type.MEMBERSHIP_GIFTING_EVENT),
          Map.entry("giftMembershipReceivedEvent", Type.GIFT_MEMBERSHIP_RECEIVED_EVENT),
          Map.entry("userBannedEvent", Type.USER_BANNED_EVENT),
          Map.entry("superChatEvent", Type.SUPER_CHAT_EVENT),
          Map.entry("superStickerEvent", Type.SUPER_STICKER_EVENT),
          Map.entry("pollEvent", Type.POLL_EVENT),
          Map.entry("giftEvent", Type.GIFT_EVENT));

  static LiveChatMessage message(ObjectNode json) {
    LiveChatMessage.Builder message =
        LiveChatMessage.newBuilder().setKind("youtube#liveChatMessage");
    text(json, "etag", message::setEtag);
    text(json, "id", message::setId);
    JsonNode s = json.get("snippet");
    if (s != null) {
      message.setSnippet(snippet(s));
    }
    JsonNode a = json.get("authorDetails");
    if (a != null) {
      LiveChatMessageAuthorDetails.Builder author = LiveChatMessageAuthorDetails.newBuilder();
      text(a, "channelId", author::setChannelId);
      text(a, "channelUrl", author::setChannelUrl);
      text(a, "displayName", author::setDisplayName);
      text(a, "profileImageUrl", author::setProfileImageUrl);
      author.setIsVerified(a.path("isVerified").asBoolean());
      author.setIsChatOwner(a.path("isChatOwner").asBoolean());
      author.setIsChatSponsor(a.path("isChatSponsor").asBoolean());
      author.setIsChatModerator(a.path("isChatModerator").asBoolean());
      message.setAuthorDetails(author);
    }
    return message.build();
  }

  private static LiveChatMessageSnippet snippet(JsonNode s) {
    LiveChatMessageSnippet.Builder snippet = LiveChatMessageSnippet.newBuilder();
    snippet.setType(TYPES.getOrDefault(s.path("type").asText(), Type.INVALID_TYPE));
    text(s, "liveChatId", snippet::setLiveChatId);
    text(s, "authorChannelId", snippet::setAuthorChannelId);
    text(s, "publishedAt", snippet::setPublishedAt);
    snippet.setHasDisplayContent(s.path("hasDisplayContent").asBoolean());
    text(s, "displayMessage", snippet::setDisplayMessage);
    JsonNode d;
    if ((d = s.get("textMessageDetails")) != null) {
      LiveChatTextMessageDetails.Builder text = LiveChatTextMessageDetails.newBuilder();
      text(d, "messageText", text::setMessageText);
      snippet.setTextMessageDetails(text);
    } else if ((d = s.get("superChatDetails")) != null) {
      LiveChatSuperChatDetails.Builder sc = LiveChatSuperChatDetails.newBuilder();
      sc.setAmountMicros(d.path("amountMicros").asLong());
      text(d, "currency", sc::setCurrency);
      text(d, "amountDisplayString", sc::setAmountDisplayString);
      text(d, "userComment", sc::setUserComment);
      sc.setTier(d.path("tier").asInt());
      snippet.setSuperChatDetails(sc);
    } else if ((d = s.get("superStickerDetails")) != null) {
      LiveChatSuperStickerDetails.Builder st = LiveChatSuperStickerDetails.newBuilder();
      st.setAmountMicros(d.path("amountMicros").asLong());
      text(d, "currency", st::setCurrency);
      text(d, "amountDisplayString", st::setAmountDisplayString);
      st.setTier(d.path("tier").asInt());
      JsonNode m = d.get("superStickerMetadata");
      if (m != null) {
        SuperStickerMetadata.Builder meta = SuperStickerMetadata.newBuilder();
        text(m, "stickerId", meta::setStickerId);
        text(m, "altText", meta::setAltText);
        text(m, "altTextLanguage", meta::setAltTextLanguage);
        st.setSuperStickerMetadata(meta);
      }
      snippet.setSuperStickerDetails(st);
    } else if ((d = s.get("newSponsorDetails")) != null) {
      LiveChatNewSponsorDetails.Builder ns = LiveChatNewSponsorDetails.newBuilder();
      text(d, "memberLevelName", ns::setMemberLevelName);
      ns.setIsUpgrade(d.path("isUpgrade").asBoolean());
      snippet.setNewSponsorDetails(ns);
    } else if ((d = s.get("memberMilestoneChatDetails")) != null) {
      LiveChatMemberMilestoneChatDetails.Builder mm =
          LiveChatMemberMilestoneChatDetails.newBuilder();
      text(d, "memberLevelName", mm::setMemberLevelName);
      mm.setMemberMonth(d.path("memberMonth").asInt());
      text(d, "userComment", mm::setUserComment);
      snippet.setMemberMilestoneChatDetails(mm);
    } else if ((d = s.get("membershipGiftingDetails")) != null) {
      LiveChatMembershipGiftingDetails.Builder mg = LiveChatMembershipGiftingDetails.newBuilder();
      mg.setGiftMembershipsCount(d.path("giftMembershipsCount").asInt());
      text(d, "giftMembershipsLevelName", mg::setGiftMembershipsLevelName);
      snippet.setMembershipGiftingDetails(mg);
    } else if ((d = s.get("giftMembershipReceivedDetails")) != null) {
      LiveChatGiftMembershipReceivedDetails.Builder gr =
          LiveChatGiftMembershipReceivedDetails.newBuilder();
      text(d, "memberLevelName", gr::setMemberLevelName);
      text(d, "gifterChannelId", gr::setGifterChannelId);
      text(d, "associatedMembershipGiftingMessageId", gr::setAssociatedMembershipGiftingMessageId);
      snippet.setGiftMembershipReceivedDetails(gr);
    } else if ((d = s.get("userBannedDetails")) != null) {
      LiveChatUserBannedMessageDetails.Builder ban = LiveChatUserBannedMessageDetails.newBuilder();
      JsonNode user = d.get("bannedUserDetails");
      if (user != null) {
        ChannelProfileDetails.Builder profile = ChannelProfileDetails.newBuilder();
        text(user, "channelId", profile::setChannelId);
        text(user, "channelUrl", profile::setChannelUrl);
        text(user, "displayName", profile::setDisplayName);
        text(user, "profileImageUrl", profile::setProfileImageUrl);
        ban.setBannedUserDetails(profile);
      }
      ban.setBanType(
          "temporary".equals(d.path("banType").asText())
              ? LiveChatUserBannedMessageDetails.BanTypeWrapper.BanType.TEMPORARY
              : LiveChatUserBannedMessageDetails.BanTypeWrapper.BanType.PERMANENT);
      if (d.has("banDurationSeconds")) {
        ban.setBanDurationSeconds(d.path("banDurationSeconds").asLong());
      }
      snippet.setUserBannedDetails(ban);
    } else if ((d = s.get("pollDetails")) != null) {
      LiveChatPollDetails.PollMetadata.Builder meta = LiveChatPollDetails.PollMetadata.newBuilder();
      text(d.path("metadata"), "questionText", meta::setQuestionText);
      for (JsonNode option : d.path("metadata").path("options")) {
        LiveChatPollDetails.PollMetadata.PollOption.Builder o =
            LiveChatPollDetails.PollMetadata.PollOption.newBuilder();
        text(option, "optionText", o::setOptionText);
        o.setTally(option.path("tally").asLong());
        meta.addOptions(o);
      }
      LiveChatPollDetails.PollStatusWrapper.PollStatus status =
          switch (d.path("status").asText()) {
            case "active" -> LiveChatPollDetails.PollStatusWrapper.PollStatus.ACTIVE;
            case "closed" -> LiveChatPollDetails.PollStatusWrapper.PollStatus.CLOSED;
            default -> LiveChatPollDetails.PollStatusWrapper.PollStatus.UNKNOWN;
          };
      snippet.setPollDetails(LiveChatPollDetails.newBuilder().setMetadata(meta).setStatus(status));
    } else if ((d = s.get("giftDetails")) != null) {
      LiveChatGiftDetails.Builder gift = LiveChatGiftDetails.newBuilder();
      text(d, "giftName", gift::setGiftName);
      String duration = str(d, "giftDuration");
      if (duration != null && duration.endsWith("s")) {
        double seconds = Double.parseDouble(duration.substring(0, duration.length() - 1));
        long whole = (long) Math.floor(seconds);
        gift.setGiftDuration(
            com.google.protobuf.Duration.newBuilder()
                .setSeconds(whole)
                .setNanos((int) Math.round((seconds - whole) * 1e9)));
      }
      gift.setJewelsAmount(d.path("jewelsAmount").asInt());
      text(d, "giftUrl", gift::setGiftUrl);
      text(d, "altText", gift::setAltText);
      text(d, "language", gift::setLanguage);
      gift.setHasVisualEffect(d.path("hasVisualEffect").asBoolean());
      gift.setComboCount(d.path("comboCount").asInt());
      snippet.setGiftDetails(gift);
    }
    return snippet.build();
  }

  private static void text(JsonNode node, String field, java.util.function.Consumer<String> set) {
    JsonNode value = at(node, field);
    if (value != null && !value.isNull() && !value.isContainerNode()) {
      set.accept(value.asText());
    }
  }
}
