package io.github.jyoutube.cli;

import io.github.jyoutube.Json;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.error.HubException;
import io.github.jyoutube.media.MediaContent;
import io.github.jyoutube.model.Channel;
import io.github.jyoutube.model.ChannelListResponse;
import io.github.jyoutube.model.Video;
import io.github.jyoutube.model.VideoSnippet;
import io.github.jyoutube.model.VideoStatus;
import io.github.jyoutube.push.HubSubscription;
import io.github.jyoutube.push.PushEvent;
import io.github.jyoutube.push.PushNotificationHandler;
import io.github.jyoutube.push.PushNotificationReceiver;
import io.github.jyoutube.push.PushNotifications;
import io.github.jyoutube.push.SubscribeOptions;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jyoutube notifications}. */
@Command(
    name = "notifications",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "COMMAND",
    description = "Push notifications of a channel's uploads (PubSubHubbub).",
    subcommands = NotificationsCommand.Listen.class)
final class NotificationsCommand extends GroupCommand {

  /** {@code notifications listen}. */
  @Command(
      name = "listen",
      mixinStandardHelpOptions = true,
      description = {
        "Subscribe to a channel's uploads, and print each notification as it arrives.",
        "",
        "Starts a receiver on --bind:--port, subscribes its callback at the hub with a random"
            + " secret (every notification must be signed with it), prints published, updated"
            + " and deleted videos, and unsubscribes when it stops (--count, --timeout, Ctrl-C).",
        "Google's hub must reach the callback: give --callback-url, the public https URL of a"
            + " tunnel or proxy to this port. With --emulator (or --endpoint), the emulator's hub"
            + " calls the receiver on loopback, and --simulate-upload shows the whole loop in one"
            + " terminal: once the hub verified the subscription, it uploads a small public video"
            + " to the channel through the API, whose notification is then printed.",
        ""
      })
  static final class Listen extends BaseCommand {

    @Option(
        names = "--channel",
        paramLabel = "ID",
        description = "The channel to follow (default: the signed-in account's).")
    String channel;

    @Option(
        names = "--port",
        paramLabel = "N",
        defaultValue = "8080",
        description = "The receiver's port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
        names = "--bind",
        paramLabel = "ADDRESS",
        defaultValue = "127.0.0.1",
        description = "The address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(
        names = "--path",
        paramLabel = "PATH",
        defaultValue = "/",
        description = "The callback's path (default: ${DEFAULT-VALUE}).")
    String path;

    @Option(
        names = "--callback-url",
        paramLabel = "URL",
        description =
            "The URL the hub calls, when it is not this receiver's own (a tunnel or proxy).")
    String callbackUrl;

    @Option(
        names = "--lease-seconds",
        paramLabel = "S",
        description = "The lease to ask for (the hub's default: 5 days).")
    Integer leaseSeconds;

    @Option(
        names = "--verify",
        paramLabel = "MODE",
        defaultValue = "async",
        description = "How the hub verifies the callback: async (default) or sync.")
    SubscribeOptions.Verify verify;

    @Option(
        names = "--count",
        paramLabel = "N",
        defaultValue = "0",
        description = "Stop after N events (default: 0, never).")
    int count;

    @Option(
        names = "--simulate-upload",
        description =
            "Against an emulator only: once the subscription is verified, upload a small public"
                + " video to the channel through the API, to see its notification arrive.")
    boolean simulateUpload;

    @Option(
        names = "--timeout",
        paramLabel = "S",
        defaultValue = "0",
        description = "Stop after S seconds (default: 0, never).")
    long timeoutSeconds;

    @Override
    int run() throws InterruptedException {
      if (port < 0 || port > 65535) {
        throw CliException.usage("--port must be 0 to 65535", null);
      }
      if (count < 0 || timeoutSeconds < 0) {
        throw CliException.usage("--count and --timeout must not be negative", null);
      }
      if (leaseSeconds != null && leaseSeconds <= 0) {
        throw CliException.usage("--lease-seconds must be positive", null);
      }
      if (!path.startsWith("/")) {
        throw CliException.usage("--path must start with '/'", null);
      }
      InetAddress address = address(bind);
      if (simulateUpload && !session().local()) {
        throw CliException.usage(
            "--simulate-upload uploads a public video: it runs against an emulator only",
            "add --emulator, or --endpoint with a running emulator's URL");
      }
      if (callbackUrl == null && !session().local()) {
        throw CliException.usage(
            "Google's hub cannot reach this machine's own address",
            "pass --callback-url with the public https URL of a tunnel or proxy to port " + port);
      }
      YouTubeClient cli = channel == null || simulateUpload ? client() : session().client();
      String channelId = channel != null ? channel : myChannel(cli);
      if (simulateUpload && channel != null && !channel.equals(myChannel(cli))) {
        throw CliException.usage(
            "--simulate-upload uploads to the signed-in account's channel, not to " + channel,
            "leave out --channel");
      }
      try {
        PushNotifications.topic(channelId);
      } catch (IllegalArgumentException e) {
        throw CliException.usage("--channel: " + e.getMessage(), "a channel ID looks like UC…");
      }
      PrintWriter err = err();
      if (session().embedded()) {
        note(
            err,
            "Emulator at "
                + session().emulator().baseUri()
                + " (its hub: "
                + cli.endpoints().hub()
                + ")."
                + (simulateUpload
                    ? ""
                    : " Upload to it from another terminal with --endpoint "
                        + session().emulator().baseUri()
                        + ", or run with --simulate-upload, to see notifications."));
      }

      BlockingQueue<PushEvent> events = new LinkedBlockingQueue<>();
      PushNotificationHandler handler =
          PushNotificationHandler.builder()
              .listener(events::add)
              .onVerified(
                  s -> {
                    if (s.mode() == HubSubscription.Mode.SUBSCRIBE) {
                      note(err, "Verified by the hub: notifications of " + channelId + " follow.");
                    }
                  })
              .build();
      PushNotificationReceiver receiver;
      try {
        receiver =
            PushNotificationReceiver.builder(handler)
                .bindAddress(address)
                .port(port)
                .path(path)
                .start();
      } catch (UncheckedIOException e) {
        throw CliException.failure(
            "cannot listen on " + bind + ":" + port + ": " + e.getCause().getMessage(),
            "choose another --port (0 picks a free one)");
      }
      try (receiver) {
        String callback = callbackUrl != null ? callbackUrl : receiver.callbackUri().toString();
        SubscribeOptions options =
            SubscribeOptions.defaults().withSecret(randomSecret()).withVerify(verify);
        if (leaseSeconds != null) {
          options = options.withLeaseSeconds(leaseSeconds);
        }
        note(err, "Receiving on " + receiver.callbackUri() + "; subscribing " + callback + " …");
        try {
          cli.pushNotifications().subscribe(channelId, callback, options, handler);
        } catch (HubException e) {
          throw CliException.failure(
              "the hub refused the subscription (" + e.statusCode() + "): " + e.hubMessage(),
              "check --channel and that the hub can reach --callback-url");
        }
        note(
            err,
            "Subscribed to "
                + channelId
                + " at "
                + cli.pushNotifications().hub()
                + (verify == SubscribeOptions.Verify.SYNC ? "" : "; waiting for the hub to verify")
                + ". Ctrl-C to stop.");
        AtomicBoolean stopped = new AtomicBoolean();
        SubscribeOptions unsubscribing =
            SubscribeOptions.defaults().withVerify(SubscribeOptions.Verify.SYNC);
        Runnable stop =
            () -> {
              if (stopped.compareAndSet(false, true)) {
                try {
                  cli.pushNotifications().unsubscribe(channelId, callback, unsubscribing, handler);
                  note(err, "Unsubscribed from " + channelId + ".");
                } catch (RuntimeException e) {
                  note(err, "Could not unsubscribe (the lease will run out): " + e.getMessage());
                }
              }
            };
        Thread hook = new Thread(stop, "jyoutube-notifications-unsubscribe");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
          if (simulateUpload) {
            simulateUpload(cli, handler, channelId, err);
          }
          receive(events, err);
        } finally {
          try {
            Runtime.getRuntime().removeShutdownHook(hook);
          } catch (IllegalStateException shuttingDown) {
            // The hook runs already.
          }
          stop.run();
        }
      }
      return ExitCodes.OK;
    }

    /** How long {@code --simulate-upload} waits for the hub's verification. */
    static final Duration VERIFICATION_WAIT = Duration.ofSeconds(30);

    /** Waits for the hub's verification, then uploads a small public video to the channel. */
    private static void simulateUpload(
        YouTubeClient cli, PushNotificationHandler handler, String channelId, PrintWriter err)
        throws InterruptedException {
      long deadline = System.nanoTime() + VERIFICATION_WAIT.toNanos();
      while (!handler.verified(channelId)) {
        if (System.nanoTime() - deadline > 0) {
          throw CliException.failure(
              "the hub did not verify the subscription within "
                  + VERIFICATION_WAIT.toSeconds()
                  + " s",
              "check that the hub can reach the callback");
        }
        Thread.sleep(10);
      }
      String title = "jyoutube notifications test, " + LocalTime.now().withNano(0);
      Video video =
          cli.videos()
              .insert(
                  Video.builder()
                      .snippet(
                          VideoSnippet.builder()
                              .title(title)
                              .description(
                                  "Uploaded by `jyoutube notifications listen"
                                      + " --simulate-upload`.")
                              .categoryId("22")
                              .build())
                      .status(
                          VideoStatus.builder()
                              .privacyStatus(VideoStatus.PrivacyStatus.PUBLIC)
                              .build())
                      .build(),
                  MediaContent.of(new byte[4096], "video/mp4"))
              .execute();
      note(
          err,
          "Uploaded public video "
              + video.id()
              + " (\""
              + title
              + "\") to "
              + channelId
              + " through the API; its notification follows.");
    }

    private void receive(BlockingQueue<PushEvent> events, PrintWriter err)
        throws InterruptedException {
      long deadline =
          timeoutSeconds == 0
              ? Long.MAX_VALUE
              : System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
      int received = 0;
      while (count == 0 || received < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          note(err, "Timed out after " + timeoutSeconds + " s.");
          return;
        }
        PushEvent event =
            timeoutSeconds == 0
                ? events.take()
                : events.poll(Math.min(left, TimeUnit.DAYS.toNanos(1)), TimeUnit.NANOSECONDS);
        if (event != null) {
          print(event);
          received++;
        }
      }
    }

    private void print(PushEvent event) {
      PrintWriter out = out();
      if (json()) {
        out.println(Json.write(fields(event)));
      } else {
        Map<String, Object> f = fields(event);
        StringBuilder line =
            new StringBuilder(
                String.format("%-9s %s  %s", f.get("event"), event.videoId(), f.get("channelId")));
        if (f.get("title") != null) {
          line.append("  ").append(f.get("title"));
        }
        out.println(Terminal.printable(line.toString()));
      }
      out.flush();
    }

    /** The event as JSON fields: {@code event} (published, updated, deleted) and its own. */
    static Map<String, Object> fields(PushEvent event) {
      Map<String, Object> f = new LinkedHashMap<>();
      if (event instanceof PushEvent.VideoPublished p) {
        f.put("event", "published");
        f.put("videoId", p.videoId());
        f.put("channelId", p.channelId());
        f.put("title", p.title());
        f.put("link", text(p.link()));
        f.put("published", text(p.published()));
        f.put("updated", text(p.updated()));
      } else if (event instanceof PushEvent.VideoUpdated u) {
        f.put("event", "updated");
        f.put("videoId", u.videoId());
        f.put("channelId", u.channelId());
        f.put("title", u.title());
        f.put("link", text(u.link()));
        f.put("published", text(u.published()));
        f.put("updated", text(u.updated()));
      } else if (event instanceof PushEvent.VideoDeleted d) {
        f.put("event", "deleted");
        f.put("videoId", d.videoId());
        f.put("channelId", d.channelId());
        f.put("deletedAt", text(d.deletedAt()));
      }
      return f;
    }

    private static String myChannel(YouTubeClient cli) {
      ChannelListResponse mine = cli.channels().list().mine(true).part("id").execute();
      if (mine.items() == null || mine.items().isEmpty()) {
        throw CliException.failure(
            "the signed-in account has no channel", "pass --channel ID to follow another");
      }
      Channel first = mine.items().get(0);
      return first.id();
    }

    private static InetAddress address(String bind) {
      if (!bind.matches("[0-9.]+|[0-9a-fA-F:]+|localhost|\\[[0-9a-fA-F:]+\\]")) {
        throw CliException.usage("--bind takes an IP address, such as 127.0.0.1 or 0.0.0.0", null);
      }
      try {
        return InetAddress.getByName(bind.replace("[", "").replace("]", ""));
      } catch (UnknownHostException e) {
        throw CliException.usage("--bind: not an address: " + bind, null);
      }
    }

    private static String randomSecret() {
      byte[] bytes = new byte[24];
      new SecureRandom().nextBytes(bytes);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static synchronized void note(PrintWriter err, String line) {
      err.println(Terminal.printable(line));
      err.flush();
    }
  }
}
