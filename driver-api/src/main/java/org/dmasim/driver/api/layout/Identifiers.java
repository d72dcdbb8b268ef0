package org.dmasim.driver.api.layout;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks the names of structs and fields, and suggests one for a misspelt name. */
final class Identifiers {
  private static final Pattern C_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private Identifiers() {}

  static void check(String what, String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank, got "
          + (name == null ? "null" : "'" + name + "'"));
    }
    if (!C_IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException(what + " '" + name + "' is not a C identifier");
    }
  }

  /** " Did you mean 'x'?" for the candidate within a typo's distance of {@code given}, or "". */
  static String didYouMean(String given, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(given.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance <= Math.max(2, given.length() / 3) ? " Did you mean '" + best + "'?" : "";
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
