package io.github.jyoutube.cli;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.UserInfo;
import io.github.jyoutube.error.YouTubeException;
import io.github.jyoutube.model.Channel;
import io.github.jyoutube.model.ChannelListResponse;

/**
 * Who a token belongs to, as far as its scopes let us see: the person from the user info endpoint
 * ({@code userinfo.profile} gives the name, {@code email} the address) and the YouTube channel from
 * {@code channels.list mine=true} (any YouTube read scope; 1 quota unit). Either may be missing.
 *
 * @param sub the account's subject, or {@code null}
 * @param name the person's name, or {@code null}
 * @param email the person's email address, or {@code null}
 * @param channelId the channel's id, or {@code null}
 * @param channelTitle the channel's title, or {@code null}
 * @param channelHandle the channel's handle ({@code @name}), or {@code null}
 */
record Identity(
    String sub,
    String name,
    String email,
    String channelId,
    String channelTitle,
    String channelHandle) {

  /** Asks the user info endpoint and the API who {@code cli}'s token belongs to. */
  static Identity of(YouTubeClient cli) {
    UserInfo info = null;
    try {
      info = cli.userInfo();
    } catch (YouTubeException e) {
      // Without a profile scope some servers refuse; the channel may still name the account.
    }
    return of(info, cli);
  }

  /** The person of {@code info} (or no one, if {@code null}) and the channel the API names. */
  static Identity of(UserInfo info, YouTubeClient cli) {
    String sub = info == null ? null : info.sub();
    String name = info == null ? null : info.name();
    String email = info == null ? null : info.email();
    String channelId = null;
    String title = null;
    String handle = null;
    try {
      ChannelListResponse channels = cli.channels().list().part("snippet").mine(true).execute();
      if (channels.items() != null && !channels.items().isEmpty()) {
        Channel channel = channels.items().get(0);
        channelId = channel.id();
        if (channel.snippet() != null) {
          title = channel.snippet().title();
          handle = channel.snippet().customUrl();
        }
      }
    } catch (YouTubeException e) {
      // A token without a YouTube read scope (youtube.upload alone), or an account without one.
    }
    return new Identity(sub, name, email, channelId, title, handle);
  }

  /** The person: {@code Alice Example <alice@example.com>}, or {@code null} if unknown. */
  String person() {
    if (name != null && !name.isBlank()) {
      return email == null ? name : name + " <" + email + ">";
    }
    return email;
  }

  /** The channel: {@code channel Alice Example, @alice}, or {@code null} if unknown. */
  String channel() {
    if (channelTitle == null && channelId == null) {
      return null;
    }
    String title = channelTitle != null ? channelTitle : channelId;
    return "channel " + title + (channelHandle == null ? "" : ", " + channelHandle);
  }

  /**
   * Who it is, for people: {@code Alice Example <alice@example.com> (channel Alice Example,
   * @alice)}, the person or the channel alone when only one is known, the subject when neither is,
   * {@code null} when not even that is.
   */
  String describe() {
    String person = person();
    String channel = channel();
    if (person != null && channel != null) {
      return person + " (" + channel + ")";
    }
    if (person != null) {
      return person;
    }
    if (channel != null) {
      return channel;
    }
    return sub == null ? null : "account " + sub;
  }
}
