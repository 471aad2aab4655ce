package io.github.jyoutube.cli;

import io.github.jyoutube.model.Caption;
import io.github.jyoutube.resource.CaptionsResource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jyoutube captions}. */
@Command(
    name = "captions",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "COMMAND",
    description = "Caption tracks.",
    subcommands = {CaptionsCommand.ListCaptions.class, CaptionsCommand.Download.class})
final class CaptionsCommand extends GroupCommand {

  /** {@code captions list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List a video's caption tracks (50 quota units).")
  static final class ListCaptions extends BaseCommand {

    @Option(names = "--video", required = true, paramLabel = "ID", description = "The video.")
    String video;

    @Override
    int run() {
      var response = client().captions().list(video).execute();
      if (json()) {
        printJson(response);
        return ExitCodes.OK;
      }
      Table table = new Table("ID", "LANGUAGE", "NAME", "KIND", "STATUS", "UPDATED");
      if (response.items() != null) {
        for (Caption c : response.items()) {
          var s = c.snippet();
          table.row(
              c.id(),
              s == null ? null : s.language(),
              s == null ? null : s.name(),
              s == null ? null : text(s.trackKind()),
              s == null ? null : text(s.status()),
              s == null ? null : date(s.lastUpdated()));
        }
      }
      table.print(out(), "No caption tracks.");
      return ExitCodes.OK;
    }
  }

  /** {@code captions download}. */
  @Command(
      name = "download",
      mixinStandardHelpOptions = true,
      description = "Download a caption track to standard output or a file (200 quota units).")
  static final class Download extends BaseCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "The caption track's ID.")
    String id;

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        description = "srt, vtt or sbv (default: the track's own format).")
    String format;

    @Option(
        names = "--lang",
        paramLabel = "LANG",
        description = "Translate into this language (machine translation).")
    String language;

    @Option(
        names = {"-o", "--output-file"},
        paramLabel = "FILE",
        description = "Write to FILE instead of standard output.")
    Path file;

    @Override
    int run() {
      CaptionsResource.DownloadRequest request = client().captions().download(id);
      if (format != null) {
        request.tfmt(format);
      }
      if (language != null) {
        request.tlang(language);
      }
      if (file != null) {
        long bytes = request.saveTo(file);
        err().println("Saved " + ProgressBar.bytes(bytes) + " to " + file + ".");
        err().flush();
        return ExitCodes.OK;
      }
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      request.writeTo(buffer);
      String text = buffer.toString(StandardCharsets.UTF_8);
      out().print(text);
      if (!text.isEmpty() && !text.endsWith("\n")) {
        out().println();
      }
      out().flush();
      return ExitCodes.OK;
    }
  }
}
