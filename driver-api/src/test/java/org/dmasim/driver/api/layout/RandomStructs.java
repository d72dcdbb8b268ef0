package org.dmasim.driver.api.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads back the C that random_structs.py writes (and nothing more general). */
final class RandomStructs {
  private static final Pattern FIELD =
      Pattern.compile("\\t(.+?) (\\w+)(?:\\[(\\d+)])?(?: __attribute__\\(\\(aligned\\((\\d+)\\)\\)\\))?;");

  private RandomStructs() {}

  static List<StructDeclaration> parse(String source) {
    Map<String, StructDeclaration> structs = new LinkedHashMap<>();
    StructDeclaration.Builder builder = null;
    String name = null;
    for (String line : source.split("\n")) {
      Matcher field = FIELD.matcher(line);
      if (line.startsWith("typedef ") || line.matches("struct \\w+ v_\\w+;")) {
        continue;
      } else if (line.matches("struct \\w+ \\{")) {
        name = line.split(" ")[1];
        builder = StructDeclaration.named(name);
      } else if (line.equals("};")) {
        structs.put(name, builder.build());
      } else if (field.matches()) {
        FieldType type = field.group(1).startsWith("struct ")
            ? structs.get(field.group(1).substring("struct ".length()))
            : Arrays.stream(CType.values()).filter(c -> c.typeName().equals(field.group(1))).findFirst().orElseThrow();
        FieldAnnotation[] annotations = field.group(4) == null ? new FieldAnnotation[0]
            : new FieldAnnotation[] {FieldAnnotation.aligned(Integer.parseInt(field.group(4)))};
        if (field.group(3) == null) {
          builder.field(field.group(2), type, annotations);
        } else {
          builder.array(field.group(2), type, Integer.parseInt(field.group(3)), annotations);
        }
      } else {
        throw new IllegalArgumentException("not a line random_structs.py writes: " + line);
      }
    }
    return new ArrayList<>(structs.values());
  }
}
