package org.dmasim.samples.report;

/**
 * Escaping for XML, HTML and terminal text. Characters XML cannot carry at all (control
 * characters other than tab, newline and carriage return, unpaired surrogates, U+FFFE and
 * U+FFFF) are shown as the six characters of a Java escape, {@code \}{@code u0007} say, so
 * nothing is lost and the document stays well-formed.
 */
final class Markup {
  private Markup() {}

  /** {@code text} for XML or HTML character data. */
  static String text(String text) {
    return escape(text, false);
  }

  /** {@code text} for a double-quoted XML or HTML attribute value; line breaks and tabs survive as references. */
  static String attribute(String text) {
    return escape(text, true);
  }

  /** {@code text} safe to print on a terminal: control characters other than newline and tab shown escaped. */
  static String plain(String given) {
    String text = String.valueOf(given);
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        unicodeEscape(out, c);
      } else if (Character.isSurrogate(c)) {
        i = surrogate(text, i, out);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String escape(String given, boolean attribute) {
    String text = String.valueOf(given);
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\'' -> out.append(attribute ? "&#39;" : "'");
        case '\n' -> out.append(attribute ? "&#10;" : "\n");
        case '\r' -> out.append("&#13;");
        case '\t' -> out.append(attribute ? "&#9;" : "\t");
        default -> {
          if (c < 0x20 || c == 0xfffe || c == 0xffff) {
            unicodeEscape(out, c);
          } else if (Character.isSurrogate(c)) {
            i = surrogate(text, i, out);
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** Appends a valid pair as is, or escapes the lone surrogate; returns the last index consumed. */
  private static int surrogate(String text, int i, StringBuilder out) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
      out.append(c).append(text.charAt(i + 1));
      return i + 1;
    }
    unicodeEscape(out, c);
    return i;
  }

  static void unicodeEscape(StringBuilder out, char c) {
    out.append("\\u").append(String.format(java.util.Locale.ROOT, "%04x", (int) c));
  }
}
