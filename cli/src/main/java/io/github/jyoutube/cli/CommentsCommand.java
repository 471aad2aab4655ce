package io.github.jyoutube.cli;

import io.github.jyoutube.model.CommentThread;
import io.github.jyoutube.resource.CommentThreadsResource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jyoutube comments}. */
@Command(
    name = "comments",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "COMMAND",
    description = "Comments.",
    subcommands = CommentsCommand.ListComments.class)
final class CommentsCommand extends GroupCommand {

  /** {@code comments list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the top-level comments of a video.")
  static final class ListComments extends BaseCommand {

    @Option(names = "--video", required = true, paramLabel = "ID", description = "The video.")
    String video;

    @Option(names = "--order", paramLabel = "ORDER", description = "time (default) or relevance.")
    String order;

    @Option(
        names = "--max",
        paramLabel = "N",
        defaultValue = "20",
        description = "At most N comments (default: ${DEFAULT-VALUE}).")
    long max;

    @Override
    int run() {
      CommentThreadsResource.ListRequest request = client().commentThreads().list().videoId(video);
      if (order != null) {
        request.order(order);
      }
      return printList(
          request.maxItems(max).pages(),
          max,
          new Table("ID", "AUTHOR", "LIKES", "REPLIES", "PUBLISHED", "TEXT"),
          ListComments::row,
          "No comments.");
    }

    private static Object[] row(CommentThread thread) {
      var s = thread.snippet();
      var top = s == null || s.topLevelComment() == null ? null : s.topLevelComment().snippet();
      String text =
          top == null
              ? null
              : top.textOriginal() != null ? top.textOriginal() : Errors.clean(top.textDisplay());
      return new Object[] {
        thread.id(),
        top == null ? null : top.authorDisplayName(),
        top == null ? null : top.likeCount(),
        s == null ? null : s.totalReplyCount(),
        top == null ? null : date(top.publishedAt()),
        text
      };
    }
  }
}
