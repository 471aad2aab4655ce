package io.github.jyoutube.cli;

import io.github.jyoutube.QuotaBucket;
import io.github.jyoutube.media.MediaContent;
import io.github.jyoutube.media.UploadOptions;
import io.github.jyoutube.model.Video;
import io.github.jyoutube.model.VideoSnippet;
import io.github.jyoutube.model.VideoStatus;
import io.github.jyoutube.recipes.ChannelUploads;
import io.github.jyoutube.recipes.ResolvedChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jyoutube videos}. */
@Command(
    name = "videos",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "COMMAND",
    description = "Videos.",
    subcommands = {
      VideosCommand.ListVideos.class,
      VideosCommand.Upload.class,
      WaitVideoCommand.class
    })
final class VideosCommand extends GroupCommand {

  static Table table() {
    return new Table("ID", "TITLE", "PRIVACY", "DURATION", "VIEWS", "LIKES", "PUBLISHED");
  }

  static Object[] row(Video v) {
    VideoSnippet s = v.snippet();
    return new Object[] {
      v.id(),
      s == null ? null : s.title(),
      v.status() == null ? null : BaseCommand.text(v.status().privacyStatus()),
      v.contentDetails() == null ? null : duration(v.contentDetails().duration()),
      v.statistics() == null ? null : v.statistics().viewCount(),
      v.statistics() == null ? null : v.statistics().likeCount(),
      s == null ? null : BaseCommand.date(s.publishedAt())
    };
  }

  /** {@code PT1M5S} as {@code 1:05}; other text as it is. */
  static String duration(String iso) {
    if (iso == null) {
      return null;
    }
    try {
      java.time.Duration d = java.time.Duration.parse(iso);
      long h = d.toHours();
      int m = d.toMinutesPart();
      int s = d.toSecondsPart();
      return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    } catch (java.time.format.DateTimeParseException e) {
      return iso;
    }
  }

  /** {@code videos list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "List videos by ID (any number: 50 a request, 1 quota unit each), or a channel's uploads"
            + " through its uploads playlist (--channel: 2 units per 50 videos, newest first)."
      })
  static final class ListVideos extends BaseCommand {

    @Option(
        names = "--id",
        arity = "1..*",
        split = ",",
        parameterConsumer = DashValues.class,
        paramLabel = "ID",
        description = "Video IDs (space- or comma-separated).")
    List<String> ids;

    @Option(
        names = "--channel",
        paramLabel = "CHANNEL",
        description = "A channel's uploads: its id, @handle, or a channel, video or playlist URL.")
    String channel;

    @Option(names = "--all", description = "With --channel: every upload, not only the newest.")
    boolean all;

    @Option(
        names = "--max",
        paramLabel = "N",
        defaultValue = "50",
        description = "With --channel: the N newest uploads (default: ${DEFAULT-VALUE}).")
    long max;

    @Override
    int run() {
      if ((ids == null) == (channel == null)) {
        throw CliException.usage(
            "say which videos: --id ID… or --channel CHANNEL", "add --all for every upload");
      }
      if (all && channel == null) {
        throw CliException.usage("--all goes with --channel", null);
      }
      if (ids != null) {
        return printList(
            client().videos().list().id(ids).pages(),
            Long.MAX_VALUE,
            table(),
            VideosCommand::row,
            "No such videos (or they are private).");
      }
      if (max < 1) {
        throw CliException.usage("--max must be at least 1", null);
      }
      ResolvedChannel resolved = client().recipes().resolveChannel(channel);
      ChannelUploads uploads = client().recipes().uploads(resolved.channelId());
      if (!all) {
        uploads.maxItems(max);
      }
      long before = client().quota().spentToday(QuotaBucket.DEFAULT);
      List<Video> videos = uploads.videos().toList();
      long units = client().quota().spentToday(QuotaBucket.DEFAULT) - before;
      if (json()) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("kind", "youtube#videoListResponse");
        answer.put("items", videos);
        printJson(answer);
        return ExitCodes.OK;
      }
      Table table = table();
      videos.forEach(v -> table.row(row(v)));
      table.print(out(), "No uploads.");
      err()
          .println(
              videos.size()
                  + (videos.size() == 1 ? " upload" : " uploads")
                  + " of "
                  + resolved.channelId()
                  + " in "
                  + units
                  + (units == 1 ? " quota unit" : " quota units")
                  + " (+"
                  + resolved.totalUnits()
                  + " to resolve "
                  + channel
                  + ")");
      err().flush();
      return ExitCodes.OK;
    }
  }

  /** {@code videos upload}. */
  @Command(
      name = "upload",
      mixinStandardHelpOptions = true,
      description = "Upload a video file, with a progress bar on standard error.")
  static final class Upload extends BaseCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The video file.")
    Path file;

    @Option(names = "--title", required = true, paramLabel = "TITLE", description = "Its title.")
    String title;

    @Option(names = "--description", paramLabel = "TEXT", description = "Its description.")
    String description;

    @Option(names = "--tags", paramLabel = "TAG", split = ",", description = "Tags.")
    List<String> tags;

    @Option(
        names = "--category",
        paramLabel = "ID",
        description = "The video category ID (22 is People & Blogs).")
    String category;

    @Option(
        names = "--privacy",
        paramLabel = "PRIVACY",
        defaultValue = "private",
        description = "private (default), unlisted or public.")
    String privacy;

    @Option(
        names = "--chunk-mib",
        paramLabel = "MIB",
        defaultValue = "8",
        description = "The upload's chunk size in MiB (default: ${DEFAULT-VALUE}).")
    int chunkMib;

    @Override
    int run() {
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw CliException.usage("not a readable file: " + file, null);
      }
      if (chunkMib < 1 || chunkMib > 512) {
        throw CliException.usage("--chunk-mib must be 1 to 512", null);
      }
      Video metadata =
          Video.builder()
              .snippet(
                  VideoSnippet.builder()
                      .title(title)
                      .description(description)
                      .tags(tags)
                      .categoryId(category)
                      .build())
              .status(
                  VideoStatus.builder()
                      .privacyStatus(
                          VideoStatus.PrivacyStatus.of(PlaylistsCommand.privacy(privacy)))
                      .build())
              .build();
      MediaContent media = MediaContent.of(file);
      ProgressBar bar = new ProgressBar(err(), "uploading");
      Video video;
      try {
        video =
            client()
                .videos()
                .insert(metadata, media)
                .uploadOptions(
                    UploadOptions.defaults()
                        .withChunkSize(chunkMib * 1024 * 1024)
                        .withProgress(bar))
                .execute();
      } finally {
        bar.done();
      }
      if (json()) {
        printJson(video);
      } else {
        out()
            .println(
                Terminal.printable(
                    "Uploaded "
                        + file.getFileName()
                        + " as video "
                        + video.id()
                        + ": "
                        + (video.snippet() == null ? title : video.snippet().title())
                        + " ("
                        + (video.status() == null ? privacy : text(video.status().privacyStatus()))
                        + ")"));
        if (!session().local()) {
          out().println(Terminal.printable("https://youtu.be/" + video.id()));
        }
        out().flush();
      }
      return ExitCodes.OK;
    }
  }
}
