package io.github.jyoutube.cli;

import io.github.jyoutube.Json;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.emulator.YouTubeEmulator;
import io.github.jyoutube.error.YouTubeException;
import io.github.jyoutube.livechat.ChatEvent;
import io.github.jyoutube.livechat.ChatListener;
import io.github.jyoutube.livechat.LiveChat;
import io.github.jyoutube.livechat.LiveChatOptions;
import io.github.jyoutube.livechat.Transport;
import java.io.PrintWriter;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jyoutube chat}. */
@Command(
    name = "chat",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "COMMAND",
    description = "A live chat, in real time.",
    subcommands = {ChatCommand.Watch.class, ChatCommand.Send.class})
final class ChatCommand extends GroupCommand {

  /** The chat a command names: a video's, or one by id; the emulator's seeded one by default. */
  abstract static class ChatTarget extends BaseCommand {

    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "VIDEO_ID",
        description = "The live video (with --emulator: aliceLive01 by default).")
    String video;

    @Option(names = "--chat", paramLabel = "ID", description = "The chat's id, instead of a video.")
    String chat;

    LiveChatOptions options() {
      if (video != null && chat != null) {
        throw CliException.usage("give a VIDEO_ID or --chat ID, not both", null);
      }
      if (chat != null) {
        return LiveChatOptions.forChat(chat);
      }
      if (video != null) {
        return LiveChatOptions.forVideo(video);
      }
      if (session().embedded()) {
        return LiveChatOptions.forVideo(YouTubeEmulator.SEEDED_BROADCAST_ID);
      }
      throw CliException.usage(
          "which chat? give a VIDEO_ID or --chat ID", "jyoutube chat watch VIDEO_ID");
    }
  }

  /** {@code chat watch}. */
  @Command(
      name = "watch",
      mixinStandardHelpOptions = true,
      description = {
        "Print a live chat as it happens, one line per message; Super Chats, Super Stickers and"
            + " memberships stand out. --output json prints one JSON object per line.",
        "",
        "Reads the gRPC stream (liveChatMessages.streamList), resumed without loss when it"
            + " drops, or polls liveChatMessages.list (--transport). Stops when the chat ends,"
            + " after --count messages or --timeout seconds, or on Ctrl-C.",
        "With --emulator, --audience N has simulated viewers write about N messages a second.",
        ""
      })
  static final class Watch extends ChatTarget {

    @Option(
        names = "--transport",
        paramLabel = "HOW",
        defaultValue = "auto",
        description = "auto (gRPC, else polling; the default), grpc or polling.")
    String transport;

    @Option(
        names = "--count",
        paramLabel = "N",
        defaultValue = "0",
        description = "Stop after N messages (default: 0, at the chat's end).")
    int count;

    @Option(
        names = "--timeout",
        paramLabel = "S",
        defaultValue = "0",
        description = "Stop after S seconds (default: 0, never).")
    long timeoutSeconds;

    @Option(
        names = "--audience",
        paramLabel = "N",
        defaultValue = "0",
        description = "With --emulator: simulated viewers write about N messages a second.")
    int audience;

    @Override
    int run() throws InterruptedException {
      if (count < 0 || timeoutSeconds < 0 || audience < 0) {
        throw CliException.usage("--count, --timeout and --audience must not be negative", null);
      }
      if (audience > 0 && !session().embedded()) {
        throw CliException.usage(
            "--audience needs --emulator", "jyoutube --emulator chat watch --audience 5");
      }
      Transport how =
          switch (transport.toLowerCase(Locale.ROOT)) {
            case "auto" -> Transport.AUTO;
            case "grpc" -> Transport.GRPC;
            case "polling" -> Transport.POLLING;
            default -> throw CliException.usage("--transport is auto, grpc or polling", null);
          };
      LiveChatOptions options = options().withTransport(how);
      YouTubeClient cli = client();
      PrintWriter out = out();
      boolean color =
          !json() && System.console() != null && root().env().variable("NO_COLOR") == null;
      CountDownLatch done = new CountDownLatch(1);
      AtomicReference<YouTubeException> failure = new AtomicReference<>();
      AtomicInteger printed = new AtomicInteger();
      ChatAudience simulated = null;
      try (LiveChat chat = LiveChat.connect(cli, options)) {
        if (audience > 0) {
          simulated = new ChatAudience(session().emulator().chat(chat.id()), audience);
          simulated.start();
        }
        if (!json()) {
          err()
              .println(
                  "Watching chat " + chat.id() + " (" + how.name().toLowerCase(Locale.ROOT) + ")");
          err().flush();
        }
        chat.listen(
            new ChatListener() {
              @Override
              public void onEvent(ChatEvent event) {
                if (done.getCount() == 0) {
                  return;
                }
                synchronized (out) {
                  out.println(json() ? Json.write(jsonOf(event)) : line(event, color));
                  out.flush();
                }
                if (count > 0 && printed.incrementAndGet() >= count) {
                  done.countDown();
                }
              }

              @Override
              public void onEnd() {
                done.countDown();
              }

              @Override
              public void onError(YouTubeException error) {
                failure.set(error);
                done.countDown();
              }
            });
        if (timeoutSeconds > 0) {
          if (!done.await(timeoutSeconds, TimeUnit.SECONDS) && !json()) {
            err().println("Timed out after " + timeoutSeconds + " s.");
          }
        } else {
          done.await();
        }
        done.countDown();
      } finally {
        if (simulated != null) {
          simulated.stop();
        }
      }
      if (failure.get() != null) {
        throw failure.get();
      }
      return ExitCodes.OK;
    }
  }

  /** {@code chat send}. */
  @Command(
      name = "send",
      mixinStandardHelpOptions = true,
      description = "Send a text message to a live chat, as the signed-in user.")
  static final class Send extends ChatTarget {

    @Parameters(index = "1", paramLabel = "TEXT", description = "The message, 1 to 200 characters.")
    String text;

    @Override
    int run() {
      if (text == null) {
        throw CliException.usage("give a VIDEO_ID (or --chat ID) and the TEXT to send", null);
      }
      LiveChatOptions options = options();
      try (LiveChat chat = LiveChat.connect(client(), options)) {
        ChatEvent.TextMessage sent;
        try {
          sent = chat.send(text);
        } catch (IllegalArgumentException e) {
          throw CliException.usage(e.getMessage(), null);
        }
        if (json()) {
          printJson(jsonOf(sent));
        } else {
          out().println("Sent " + sent.id());
          out().flush();
        }
      }
      return ExitCodes.OK;
    }
  }

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  /** One line of the table form: time, who, what; paid and membership events stand out. */
  static String line(ChatEvent event, boolean color) {
    String time = event.publishedAt() == null ? "--:--:--" : TIME.format(event.publishedAt());
    String who =
        event.author().displayName() != null
            ? event.author().displayName()
            : event.author().channelId();
    String text;
    boolean highlight = false;
    if (event instanceof ChatEvent.TextMessage m) {
      text = who + ": " + m.text();
    } else if (event instanceof ChatEvent.SuperChat s) {
      highlight = true;
      text =
          "$$ SUPER CHAT "
              + s.amountDisplay()
              + " from "
              + who
              + (s.comment() == null ? "" : ": " + s.comment());
    } else if (event instanceof ChatEvent.SuperSticker s) {
      highlight = true;
      text = "$$ SUPER STICKER " + s.amountDisplay() + " from " + who + ": " + s.altText();
    } else if (event instanceof ChatEvent.FanFunding f) {
      highlight = true;
      text = "$$ FAN FUNDING from " + who + (f.comment() == null ? "" : ": " + f.comment());
    } else if (event instanceof ChatEvent.NewMember m) {
      highlight = true;
      text = "++ NEW MEMBER " + who + (m.levelName() == null ? "" : " (" + m.levelName() + ")");
    } else if (event instanceof ChatEvent.MemberMilestone m) {
      highlight = true;
      text =
          "++ MEMBER FOR "
              + m.months()
              + " MONTHS "
              + who
              + (m.comment() == null ? "" : ": " + m.comment());
    } else if (event instanceof ChatEvent.MembershipGifting g) {
      highlight = true;
      text = "++ " + who + " GIFTED " + g.count() + " MEMBERSHIPS";
    } else if (event instanceof ChatEvent.GiftMembershipReceived g) {
      highlight = true;
      text = "++ " + who + " RECEIVED A GIFT MEMBERSHIP";
    } else if (event instanceof ChatEvent.Gift g) {
      text =
          "** "
              + who
              + " sent "
              + g.name()
              + " ("
              + g.jewels()
              + " jewels, x"
              + g.comboCount()
              + ")";
    } else if (event instanceof ChatEvent.Poll p) {
      List<String> options = new ArrayList<>();
      for (ChatEvent.PollOption option : p.options()) {
        options.add(option.text() + " " + option.tally());
      }
      text =
          "?? POLL "
              + p.question()
              + " ["
              + String.join(", ", options)
              + "] "
              + p.status().name().toLowerCase(Locale.ROOT);
    } else if (event instanceof ChatEvent.MessageDeleted d) {
      text = "-- message " + d.deletedMessageId() + " deleted";
    } else if (event instanceof ChatEvent.UserBanned b) {
      text =
          "-- "
              + (b.bannedUser().displayName() != null
                  ? b.bannedUser().displayName()
                  : b.bannedUser().channelId())
              + (b.permanent() ? " banned" : " banned for " + b.duration().toSeconds() + " s");
    } else if (event instanceof ChatEvent.MembersOnlyModeStarted) {
      text = "-- members-only mode on";
    } else if (event instanceof ChatEvent.MembersOnlyModeEnded) {
      text = "-- members-only mode off";
    } else if (event instanceof ChatEvent.ChatEnded) {
      text = "-- the chat has ended";
    } else {
      ChatEvent.Unknown u = (ChatEvent.Unknown) event;
      text = "-- " + u.type() + (u.displayMessage() == null ? "" : ": " + u.displayMessage());
    }
    String line = time + "  " + Errors.clean(text);
    return highlight && color ? "\u001b[1;33m" + line + "\u001b[0m" : line;
  }

  /** The event as JSON: its type, then its fields, dates and durations as ISO-8601 text. */
  static Map<String, Object> jsonOf(ChatEvent event) {
    Map<String, Object> json = new LinkedHashMap<>();
    String type = event.getClass().getSimpleName();
    json.put("type", Character.toLowerCase(type.charAt(0)) + type.substring(1));
    json.putAll(fields((Record) event));
    return json;
  }

  private static Map<String, Object> fields(Record record) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      Object value;
      try {
        value = component.getAccessor().invoke(record);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      if (value != null) {
        json.put(component.getName(), plain(value));
      }
    }
    return json;
  }

  private static Object plain(Object value) {
    if (value instanceof Record record) {
      return fields(record);
    }
    if (value instanceof List<?> list) {
      List<Object> items = new ArrayList<>();
      for (Object item : list) {
        items.add(plain(item));
      }
      return items;
    }
    if (value instanceof Instant || value instanceof Duration || value instanceof Enum<?>) {
      return value.toString();
    }
    return value;
  }
}
