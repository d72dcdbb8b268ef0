package org.dmasim.core.config;

import java.util.List;

/** Every problem found in one configuration, reported at once, numbered. */
public final class ConfigurationProblems extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final List<String> problems;

  /** Problems found in {@code source} (a file name, or "the default configuration"). */
  public ConfigurationProblems(String source, List<String> problems) {
    super(format(source, problems));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  /** The problems of {@code first} and then of {@code second}, one numbered list, each naming its source. */
  public static ConfigurationProblems both(ConfigurationProblems first, ConfigurationProblems second) {
    List<String> problems = new java.util.ArrayList<>();
    first.problems.forEach(problem -> problems.add("(" + first.source + ") " + problem));
    second.problems.forEach(problem -> problems.add("(" + second.source + ") " + problem));
    return new ConfigurationProblems(first.source + " and " + second.source, problems);
  }

  /** Where the configuration came from. */
  public String source() {
    return source;
  }

  /** The problems, in the order found. */
  public List<String> problems() {
    return problems;
  }

  private static String format(String source, List<String> problems) {
    StringBuilder text = new StringBuilder("Configuration errors in ").append(source).append(':');
    for (int i = 0; i < problems.size(); i++) {
      text.append(System.lineSeparator()).append(i + 1).append(") ").append(problems.get(i));
    }
    return text.toString();
  }
}
