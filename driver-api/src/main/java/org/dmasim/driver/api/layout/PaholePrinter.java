package org.dmasim.driver.api.layout;

import java.util.List;
import org.dmasim.driver.api.Target;

/**
 * Prints a {@link StructLayout} the way pahole 1.24 (dwarves_fprintf.c, {@code __class__fprintf})
 * prints the struct from gcc's DWARF, including its heuristics: forced alignments,
 * "Force padding" when the tail padding exceeds a pointer, and the {@code __packed__} it infers
 * for hole-free structs whose members are not at their natural alignment.
 */
final class PaholePrinter {
  private static final int TYPE_SPACING = 26;
  private static final int NAME_SPACING = 23;

  private final StructLayout layout;
  private final Target target;
  private final int lineSize;
  private final StringBuilder out = new StringBuilder();

  PaholePrinter(StructLayout layout, int lineSize) {
    this.layout = layout;
    this.target = layout.target();
    this.lineSize = lineSize;
  }

  String print() {
    List<FieldDeclaration> declared = layout.declaration().fields();
    List<FieldLayout> placed = layout.fields();
    out.append("struct ").append(layout.name()).append(" {\n");
    int cacheline = 0;
    boolean newline = false;
    int sumBytes = 0;
    int holes = 0;
    int sumHoles = 0;
    int forced = 0;
    int forcedHoles = 0;
    int sumForcedHoles = 0;
    int paddings = 0;
    int sumPaddings = 0;
    for (int i = 0; i < placed.size(); i++) {
      FieldDeclaration declaration = declared.get(i);
      FieldLayout field = placed.get(i);
      boolean forcedAlignment = declaration.hasForcedAlignment(target);
      if (forcedAlignment) {
        forced++;
        int hole = layout.holeBefore(i);
        if (hole != 0) {
          forcedHoles++;
          sumForcedHoles += hole;
        }
      }
      if (newline) {
        out.append('\n');
        newline = false;
      }
      out.append('\t');
      int line = field.offset() / lineSize;
      if (line > cacheline) {
        int intoLine = field.offset() % lineSize;
        out.append("/* --- cacheline ").append(line).append(" boundary (").append(field.offset() - intoLine)
            .append(" bytes) ");
        if (intoLine != 0) {
          out.append("was ").append(intoLine).append(intoLine > 1 ? " bytes" : " byte").append(" ago ");
        }
        out.append("--- */\n\t");
        cacheline = line;
      }
      String member = declarator(declaration, declaration.name())
          + (forcedAlignment ? " __attribute__((__aligned__(" + field.alignment() + ")))" : "") + ";";
      out.append(member).append(" ".repeat(Math.max(1, TYPE_SPACING + NAME_SPACING - member.length())))
          .append(String.format("/* %5d %5d */", field.offset(), field.size()));
      if (declaration.type() instanceof StructDeclaration struct && !declaration.isArray()) {
        int padding = struct.layout(target).tailPadding();
        if (padding > 0) {
          paddings++;
          sumPaddings += padding;
          if (!newline) {
            out.append('\n');
            newline = true;
          }
          out.append("\n\t/* XXX last struct has ").append(bytes(padding)).append(" of padding */");
        }
      }
      int hole = i + 1 < placed.size() ? layout.holeBefore(i + 1) : 0;
      if (hole > 0) {
        holes++;
        sumHoles += hole;
        if (!newline) {
          out.append('\n');
          newline = true;
        }
        out.append("\n\t/* XXX ").append(bytes(hole)).append(" hole, try to pack */");
      }
      out.append('\n');
      sumBytes += field.size();
    }

    int padding = layout.tailPadding();
    boolean structAligned = layout.declaration().hasForcedAlignment(target);
    if (padding != 0 && !structAligned && padding > target.pointerSize()) {
      FieldDeclaration last = declared.get(declared.size() - 1);
      int lastSize = placed.get(placed.size() - 1).size();
      if (Integer.bitCount(lastSize) == 1) {
        out.append("\n\t/* Force padding: */\n");
        for (int added = 0; added < padding; added += lastSize) {
          out.append('\t').append(declarator(last, "")).append(':').append(lastSize * 8).append(";\n");
        }
      }
    }

    out.append("\n\t/* size: ").append(layout.size()).append(", cachelines: ")
        .append((layout.size() + lineSize - 1) / lineSize).append(", members: ").append(placed.size())
        .append(" */\n");
    if (sumHoles > 0) {
      out.append("\t/* sum members: ").append(sumBytes).append(", holes: ").append(holes)
          .append(", sum holes: ").append(sumHoles).append(" */\n");
    }
    if (padding > 0) {
      out.append("\t/* padding: ").append(padding).append(" */\n");
    }
    if (paddings > 0) {
      out.append("\t/* paddings: ").append(paddings).append(", sum paddings: ").append(sumPaddings)
          .append(" */\n");
    }
    if (forced > 0) {
      out.append("\t/* forced alignments: ").append(forced);
      if (forcedHoles > 0) {
        out.append(", forced holes: ").append(forcedHoles).append(", sum forced holes: ").append(sumForcedHoles);
      }
      out.append(" */\n");
    }
    int lastLine = layout.size() % lineSize;
    if (lastLine != 0) {
      out.append("\t/* last cacheline: ").append(lastLine).append(" bytes */\n");
    }
    out.append('}');
    boolean packed = inferPacked(structAligned);
    if (packed) {
      out.append(" __attribute__((__packed__))");
    } else if (structAligned) {
      out.append(" __attribute__((__aligned__(")
          .append(layout.alignment()).append(")))");
    }
    return out.append(";\n").toString();
  }

  /** {@code type name[n]} with the type padded to pahole's column. */
  private static String declarator(FieldDeclaration field, String name) {
    String type = field.type() instanceof CType scalar ? scalar.debugName() : field.type().typeName();
    return String.format("%-" + TYPE_SPACING + "s %s", type, name)
        + (field.isArray() ? "[" + field.arrayLength() + "]" : "");
  }

  private static String bytes(int count) {
    return count + (count != 1 ? " bytes" : " byte");
  }

  /**
   * pahole's {@code class__infer_packed_attributes}: a struct without holes or padding is taken
   * for {@code __packed__} when a member is off its natural alignment (its size, for a scalar)
   * or the size is not a multiple of the largest; it misfires on i386's 4-aligned long long.
   */
  private boolean inferPacked(boolean structAligned) {
    if (layout.sumHoles() != 0 || layout.tailPadding() != 0) {
      return false;
    }
    int largest = 1;
    for (int i = 0; i < layout.fields().size(); i++) {
      int natural = naturalAlignment(layout.declaration().fields().get(i).type());
      if (natural == 1) {
        continue;
      }
      largest = Math.max(largest, natural);
      if (layout.fields().get(i).offset() % natural != 0) {
        return true;
      }
    }
    return (largest != 1 && structAligned && layout.alignment() == 1) || layout.size() % largest != 0;
  }

  private int naturalAlignment(FieldType type) {
    if (type instanceof StructDeclaration struct) {
      int natural = 1;
      for (FieldDeclaration field : struct.fields()) {
        natural = Math.max(natural, naturalAlignment(field.type()));
      }
      return natural;
    }
    return type.size(target);
  }
}
