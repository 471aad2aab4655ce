package io.github.jyoutube.codegen;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Command-line entry point: {@code Generate <discovery.json> <source-root>} reads a discovery
 * document and writes the generated sources under the source root (normally {@code
 * core/src/main/java}), deleting generated files that are no longer produced.
 *
 * <p>Each generator stage writes one package; a later stage (resources and request builders) is
 * added to {@link #run}.
 */
public final class Generate {

  private Generate() {}

  /** Runs the generator; exits with status 2 on bad usage and 1 on failure. */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println(
          "usage: java io.github.jyoutube.codegen.Generate <discovery.json> <source-root>");
      System.exit(2);
    }
    try {
      run(Path.of(args[0]), Path.of(args[1]), System.out);
    } catch (IOException | RuntimeException e) {
      System.err.println("jyoutube-codegen: " + e);
      System.exit(1);
    }
  }

  /**
   * Generates all stages from {@code discovery} into {@code sourceRoot}, reporting to {@code log}.
   */
  public static void run(Path discovery, Path sourceRoot, PrintStream log) throws IOException {
    if (!Files.isDirectory(sourceRoot)) {
      throw new IOException("source root is not a directory: " + sourceRoot);
    }
    DiscoveryDocument doc = DiscoveryDocument.read(discovery);
    SourceTree tree = new SourceTree(sourceRoot);

    ModelGenerator models = new ModelGenerator(doc);
    List<GeneratedFile> modelFiles = models.generate();
    SourceTree.Result result = tree.sync(ModelGenerator.PACKAGE, modelFiles);
    ModelGenerator.Stats stats = models.stats();
    log.printf(
        "%s: %d files (%d written, %d unchanged, %d deleted); %d records, %d enums, %d builders,"
            + " %d pages (revision %s)%n",
        ModelGenerator.PACKAGE,
        modelFiles.size(),
        result.written().size(),
        result.unchanged().size(),
        result.deleted().size(),
        stats.records(),
        stats.enums(),
        stats.builders(),
        stats.pages(),
        doc.revision());
  }
}
