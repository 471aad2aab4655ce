package io.github.jyoutube.codegen;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The imports of one generated source file. {@link #use} returns the name to write for a class: its
 * simple name when that is unambiguous (importing it if needed), or its qualified name when the
 * simple name is taken by a type of the file's own package or by a type the file declares.
 */
public final class Imports {

  private final String packageName;
  private final Set<String> taken;
  private final Map<String, String> bySimpleName = new HashMap<>();
  private final Set<String> imports = new TreeSet<>();

  /**
   * @param packageName the package of the file
   * @param taken simple names that already mean something else in the file: the types of the
   *     package and the types the file declares
   */
  public Imports(String packageName, Set<String> taken) {
    this.packageName = packageName;
    this.taken = taken;
  }

  /**
   * Returns the name to write for the top-level class {@code qualifiedName}. For a nested class,
   * use its outer class and append the nested name.
   */
  public String use(String qualifiedName) {
    int dot = qualifiedName.lastIndexOf('.');
    String pkg = qualifiedName.substring(0, dot);
    String simple = qualifiedName.substring(dot + 1);
    if (pkg.equals(packageName)) {
      return simple;
    }
    String existing = bySimpleName.get(simple);
    if (existing != null) {
      return existing.equals(qualifiedName) ? simple : qualifiedName;
    }
    if (taken.contains(simple)) {
      return qualifiedName;
    }
    bySimpleName.put(simple, qualifiedName);
    if (!pkg.equals("java.lang")) {
      imports.add(qualifiedName);
    }
    return simple;
  }

  /** The import declarations, sorted as google-java-format sorts them, one per line. */
  public String render() {
    StringBuilder out = new StringBuilder();
    for (String name : imports) {
      out.append("import ").append(name).append(";\n");
    }
    return out.toString();
  }
}
