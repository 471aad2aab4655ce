package io.github.jyoutube.codegen;

/**
 * One generated source file.
 *
 * @param packageName the package of the file, e.g. {@code io.github.jyoutube.model}
 * @param typeName the simple name of the top-level type, which is also the file name
 * @param content the source text, starting with the {@linkplain SourceTree#MARKER marker}
 */
public record GeneratedFile(String packageName, String typeName, String content) {

  /** The path of the file relative to a source root, with {@code /} separators. */
  public String relativePath() {
    return packageName.replace('.', '/') + "/" + typeName + ".java";
  }
}
