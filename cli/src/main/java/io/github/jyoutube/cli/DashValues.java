package io.github.jyoutube.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Lets values that begin with {@code -} through. One YouTube id in 64 does ({@code -hRTBcylkfO}),
 * and picocli alone reads such an argument as options ({@code -h}, then more): {@code videos list
 * --id -hRTBcylkfO} and {@code videos wait -hRTBcylkfO} were usage errors. With this:
 *
 * <ul>
 *   <li>an option that needs a value takes the next argument as it is ({@link
 *       CommandLine#setAllowOptionsAsOptionParameters}), unless that argument is one of the
 *       command's options, {@code --} or a subcommand: {@code --video --output json} is still
 *       "{@code --video} needs a value";
 *   <li>a list option that takes any number of values ({@code --id a -b c}) is given this class as
 *       its {@code parameterConsumer}: it takes its first value as it is and then each argument
 *       that is neither an option nor shaped like one;
 *   <li>an argument shaped like an id ({@code -} and at least ten of {@code A-Z a-z 0-9 - _}, but
 *       not a lower-case {@code --long-option}), or with a space in it ({@code "-- great stream
 *       --"}), that is no option's value is a positional parameter: it moves behind {@code --} with
 *       the others, in their order. A short option that takes a value keeps one attached: {@code
 *       -otrackfile01} is {@code -o trackfile01}.
 * </ul>
 *
 * Anything else, a mistyped {@code --otput} among it, reaches picocli as typed; {@code --} works as
 * ever.
 */
final class DashValues implements IParameterPreprocessor, IParameterConsumer {

  private static final String END_OF_OPTIONS = "--";
  private static final Pattern ID_SHAPED = Pattern.compile("-[A-Za-z0-9_-]{10,}");
  private static final Pattern OPTION_SHAPED = Pattern.compile("--[a-z][a-z0-9-]*");

  /** Sets {@code cmd} and its subcommands to let values that begin with {@code -} through. */
  static void install(CommandLine cmd) {
    cmd.setAllowOptionsAsOptionParameters(true);
    install(cmd, new DashValues());
  }

  private static void install(CommandLine cmd, DashValues dashValues) {
    cmd.getCommandSpec().preprocessor(dashValues);
    cmd.getSubcommands().values().forEach(sub -> install(sub, dashValues));
  }

  /** Moves the command's positional parameters behind {@code --} when one begins with {@code -}. */
  @Override
  public boolean preprocess(
      Stack<String> args, CommandSpec spec, ArgSpec argSpec, Map<String, Object> info) {
    List<String> original = new ArrayList<>(args.size());
    for (int i = args.size() - 1; i >= 0; i--) {
      original.add(args.get(i));
    }
    List<String> rewritten = rewrite(original, spec);
    if (!rewritten.equals(original)) {
      args.clear();
      for (int i = rewritten.size() - 1; i >= 0; i--) {
        args.push(rewritten.get(i));
      }
    }
    return false;
  }

  /**
   * {@code args}, in command-line order, as picocli should read them.
   *
   * @throws MissingParameterException if an option that needs a value is followed by an option
   */
  static List<String> rewrite(List<String> args, CommandSpec spec) {
    List<String> notPositional = new ArrayList<>();
    List<String> positional = new ArrayList<>();
    boolean dashPositional = false;
    int i = 0;
    while (i < args.size()) {
      String arg = args.get(i++);
      if (arg.equals(END_OF_OPTIONS)) {
        positional.addAll(args.subList(i, args.size()));
        break;
      }
      if (spec.subcommands().containsKey(arg)) {
        // The rest is the subcommand's, which rewrites its own.
        notPositional.addAll(args.subList(i - 1, args.size()));
        break;
      }
      OptionSpec option = option(spec, arg);
      if (option != null) {
        notPositional.add(arg);
        if (!arg.contains("=") && option.arity().min() >= 1 && i < args.size()) {
          String value = args.get(i++);
          requireValue(option, value, spec);
          notPositional.add(value);
          while (option.arity().isVariable()
              && i < args.size()
              && isMoreValues(args.get(i), spec)) {
            notPositional.add(args.get(i++));
          }
        }
      } else if (isShortOptionWithValue(arg, spec)
          || (arg.startsWith("-") && !isIdShaped(arg) && !hasWhitespace(arg))) {
        notPositional.add(arg);
      } else {
        positional.add(arg);
        dashPositional |= arg.startsWith("-") && !spec.positionalParameters().isEmpty();
      }
    }
    if (!dashPositional) {
      return args;
    }
    List<String> moved = new ArrayList<>(notPositional);
    moved.add(END_OF_OPTIONS);
    moved.addAll(positional);
    return moved;
  }

  /**
   * Takes a list option's values: the first as it is, then each argument that is neither an option
   * nor shaped like one, each split as the option says.
   */
  @Override
  public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec spec) {
    OptionSpec option = (OptionSpec) argSpec;
    if (args.isEmpty()) {
      throw new MissingParameterException(
          spec.commandLine(),
          argSpec,
          "Missing required parameter for option '" + option.longestName() + "'");
    }
    String first = args.pop();
    requireValue(option, first, spec);
    List<String> values = new ArrayList<>();
    values.add(first);
    while (!args.isEmpty() && isMoreValues(args.peek(), spec)) {
      values.add(args.pop());
    }
    List<String> list = argSpec.getValue();
    List<String> all = list == null ? new ArrayList<>() : new ArrayList<>(list);
    for (String value : values) {
      all.addAll(
          argSpec.splitRegex().isEmpty()
              ? List.of(value)
              : Arrays.asList(value.split(argSpec.splitRegex(), -1)));
    }
    argSpec.setValue(all);
  }

  private static void requireValue(OptionSpec option, String value, CommandSpec spec) {
    if (value.equals(END_OF_OPTIONS)
        || option(spec, value) != null
        || spec.subcommands().containsKey(value)) {
      throw new MissingParameterException(
          spec.commandLine(),
          option,
          "Expected parameter for option '" + option.longestName() + "' but found '" + value + "'");
    }
  }

  /** Whether {@code arg}, after a list option's values, is one more of them. */
  private static boolean isMoreValues(String arg, CommandSpec spec) {
    return !arg.equals(END_OF_OPTIONS)
        && option(spec, arg) == null
        && !spec.subcommands().containsKey(arg)
        && (!arg.startsWith("-") || (isIdShaped(arg) && !isShortOptionWithValue(arg, spec)));
  }

  /** Whether {@code arg} is a short option with its value attached, as {@code -otrack.srt} is. */
  private static boolean isShortOptionWithValue(String arg, CommandSpec spec) {
    if (arg.length() <= 2 || arg.charAt(1) == '-') {
      return false;
    }
    OptionSpec option = option(spec, arg.substring(0, 2));
    return option != null && option.arity().min() >= 1;
  }

  /** No option has a space in it: {@code "-- great stream --"} is a message. */
  private static boolean hasWhitespace(String arg) {
    return arg.chars().anyMatch(Character::isWhitespace);
  }

  private static boolean isIdShaped(String arg) {
    return ID_SHAPED.matcher(arg).matches() && !OPTION_SHAPED.matcher(arg).matches();
  }

  /** The command's option {@code arg} names, with or without {@code =value}; else null. */
  private static OptionSpec option(CommandSpec spec, String arg) {
    if (!arg.startsWith("-")) {
      return null;
    }
    int equals = arg.indexOf('=');
    String name = equals < 0 ? arg : arg.substring(0, equals);
    for (OptionSpec option : spec.options()) {
      if (Arrays.asList(option.names()).contains(name)) {
        return option;
      }
    }
    return null;
  }
}
