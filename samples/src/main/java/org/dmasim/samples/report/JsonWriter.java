package org.dmasim.samples.report;

import java.util.Collection;
import java.util.Map;

/**
 * Writes a tree of maps (objects, in their iteration order), collections (arrays), strings,
 * integral numbers, booleans and nulls as JSON, pretty-printed with a two-space indent and a
 * final newline. Strings escape quotes, backslashes, every control character and unpaired
 * surrogates as {@code \}{@code uXXXX}, and U+2028/U+2029 likewise, so the output is also safe
 * to embed in JavaScript.
 */
final class JsonWriter {
  private final StringBuilder out = new StringBuilder();

  private JsonWriter() {}

  /** {@code value} as pretty-printed JSON ending with a newline. */
  static String write(Object value) {
    JsonWriter writer = new JsonWriter();
    writer.value(value, 0);
    writer.out.append('\n');
    return writer.out.toString();
  }

  /** {@code text} as a JSON string literal, quotes included. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2);
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
        Markup.unicodeEscape(out, c);
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        Markup.unicodeEscape(out, c);
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private void value(Object value, int depth) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      out.append(quote(text));
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      out.append(value);
    } else if (value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Enum<?> constant) {
      out.append(quote(constant.name()));
    } else if (value instanceof Map<?, ?> map) {
      object(map, depth);
    } else if (value instanceof Collection<?> collection) {
      array(collection, depth);
    } else {
      throw new IllegalArgumentException("JsonWriter cannot write a " + value.getClass().getName());
    }
  }

  private void object(Map<?, ?> map, int depth) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw new IllegalArgumentException("JSON object keys must be strings, not " + entry.getKey());
      }
      out.append(first ? "\n" : ",\n");
      first = false;
      indent(depth + 1);
      out.append(quote(key)).append(": ");
      value(entry.getValue(), depth + 1);
    }
    out.append('\n');
    indent(depth);
    out.append('}');
  }

  private void array(Collection<?> collection, int depth) {
    if (collection.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    boolean first = true;
    for (Object element : collection) {
      out.append(first ? "\n" : ",\n");
      first = false;
      indent(depth + 1);
      value(element, depth + 1);
    }
    out.append('\n');
    indent(depth);
    out.append(']');
  }

  private void indent(int depth) {
    out.append("  ".repeat(depth));
  }
}
