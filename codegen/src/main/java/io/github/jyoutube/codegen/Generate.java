package io.github.jyoutube.codegen;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Command-line entry point: {@code Generate <discovery.json> <source-root> <test-source-root>}
 * reads a discovery document and writes the generated sources under the source root (normally
 * {@code core/src/main/java}) and the generated test under the test source root (normally {@code
 * core/src/test/java}), deleting generated files that are no longer produced.
 *
 * <p>The stages: the model records ({@link ModelGenerator}), the resource classes ({@link
 * ResourceGenerator}), the resource accessors of {@code YouTubeClient} ({@link ClientRegion}) and
 * the test of every method ({@link MethodTestGenerator}). Everything is generated and checked
 * before anything is written, so that a failure (such as missing markers in the client) leaves the
 * tree as it was, except that a hand-written file in the way of a generated one is reported by the
 * stage that meets it.
 */
public final class Generate {

  private Generate() {}

  /** Runs the generator; exits with status 2 on bad usage and 1 on failure. */
  public static void main(String[] args) {
    if (args.length != 3) {
      System.err.println(
          "usage: java io.github.jyoutube.codegen.Generate <discovery.json> <source-root>"
              + " <test-source-root>");
      System.exit(2);
    }
    try {
      run(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), System.out);
    } catch (IOException | RuntimeException e) {
      System.err.println("jyoutube-codegen: " + e);
      System.exit(1);
    }
  }

  /**
   * Generates the model, the resources and the client's accessors from {@code discovery} into
   * {@code sourceRoot}, without the generated test, reporting to {@code log}.
   */
  public static void run(Path discovery, Path sourceRoot, PrintStream log) throws IOException {
    run(discovery, sourceRoot, null, log);
  }

  /**
   * Generates every stage from {@code discovery}: sources into {@code sourceRoot}, the test of
   * every method into {@code testRoot} (skipped when null), reporting to {@code log}.
   */
  public static void run(Path discovery, Path sourceRoot, Path testRoot, PrintStream log)
      throws IOException {
    if (!Files.isDirectory(sourceRoot)) {
      throw new IOException("source root is not a directory: " + sourceRoot);
    }
    if (testRoot != null && !Files.isDirectory(testRoot)) {
      throw new IOException("test source root is not a directory: " + testRoot);
    }
    DiscoveryDocument doc = DiscoveryDocument.read(discovery);
    SourceTree tree = new SourceTree(sourceRoot);

    ModelGenerator models = new ModelGenerator(doc);
    List<GeneratedFile> modelFiles = models.generate();
    ResourceGenerator resources = new ResourceGenerator(doc, QuotaTable.load());
    List<GeneratedFile> resourceFiles = resources.generate();
    String client = ClientRegion.rewrite(sourceRoot, resources.plan());
    GeneratedFile test =
        testRoot == null ? null : new MethodTestGenerator(resources.plan()).generate();

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

    SourceTree.Result resourceResult = tree.sync(ResourceGenerator.PACKAGE, resourceFiles);
    ResourceGenerator.Stats resourceStats = resources.stats();
    log.printf(
        "%s: %d files (%d written, %d unchanged, %d deleted); %d resources, %d methods, %d"
            + " requests, %d enums, %d estimated quota costs%n",
        ResourceGenerator.PACKAGE,
        resourceFiles.size(),
        resourceResult.written().size(),
        resourceResult.unchanged().size(),
        resourceResult.deleted().size(),
        resourceStats.resources(),
        resourceStats.methods(),
        resourceStats.requests(),
        resourceStats.enums(),
        resourceStats.estimated());

    Path clientFile = sourceRoot.resolve(ClientRegion.CLIENT);
    boolean clientChanged = !Files.readString(clientFile).equals(client);
    if (clientChanged) {
      Files.writeString(clientFile, client);
    }
    log.printf(
        "%s: %d resource accessors (%s)%n",
        ClientRegion.CLIENT, resourceStats.resources(), clientChanged ? "written" : "unchanged");

    if (test != null) {
      SourceTree.Result testResult =
          new SourceTree(testRoot).sync(test.packageName(), List.of(test));
      log.printf(
          "%s: %d tests (%s)%n",
          test.relativePath(),
          resourceStats.methods(),
          testResult.written().isEmpty() ? "unchanged" : "written");
    }
    for (String warning : resources.warnings()) {
      log.println("warning: " + warning);
    }
  }
}
