package org.dmasim.driver.api.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.dmasim.driver.api.Target;

/**
 * A struct placed for one target, as gcc places it: offsets, holes, tail padding, and which
 * fields share cache lines. Made by {@link StructDeclaration#layout(Target)}.
 *
 * @param declaration the struct laid out
 * @param target the target it is laid out for
 * @param fields the fields in declaration order
 * @param size {@code sizeof} the struct: past its last field, rounded up to its alignment
 * @param alignment the struct's alignment: the largest of its fields'
 */
public record StructLayout(StructDeclaration declaration, Target target, List<FieldLayout> fields, int size,
    int alignment) {

  /** Checks the fields match the declaration, do not overlap and fit in the size. */
  public StructLayout {
    Objects.requireNonNull(declaration, "declaration");
    Objects.requireNonNull(target, "target");
    fields = List.copyOf(fields);
    if (fields.size() != declaration.fields().size()) {
      throw new IllegalArgumentException("struct " + declaration.name() + " declares "
          + declaration.fields().size() + " fields, the layout has " + fields.size());
    }
    int end = 0;
    for (int i = 0; i < fields.size(); i++) {
      FieldLayout field = fields.get(i);
      if (!field.name().equals(declaration.fields().get(i).name())) {
        throw new IllegalArgumentException("field " + i + " of struct " + declaration.name() + " is '"
            + declaration.fields().get(i).name() + "', the layout has '" + field.name() + "'");
      }
      if (field.offset() < end) {
        throw new IllegalArgumentException("field '" + field.name() + "' at " + field.offset()
            + " overlaps the field before it, which ends at " + end);
      }
      end = field.end();
    }
    if (alignment < 1 || Integer.bitCount(alignment) != 1 || size < end || size % alignment != 0) {
      throw new IllegalArgumentException("struct " + declaration.name() + ": impossible size " + size
          + " or alignment " + alignment + " for fields ending at " + end);
    }
  }

  /** The struct's tag. */
  public String name() {
    return declaration.name();
  }

  /** The field named so; the error lists the field names and suggests the closest. */
  public FieldLayout field(String fieldName) {
    return fields.get(indexOf(fieldName));
  }

  /** The padding gcc puts just before the field (0 for the first field). */
  public int holeBefore(String fieldName) {
    return holeBefore(indexOf(fieldName));
  }

  /** The padding after the last field, up to {@link #size()}. */
  public int tailPadding() {
    return size - fields.get(fields.size() - 1).end();
  }

  /** The holes between fields, added up (tail padding not included). */
  public int sumHoles() {
    int sum = 0;
    for (int i = 0; i < fields.size(); i++) {
      sum += holeBefore(i);
    }
    return sum;
  }

  /**
   * The other fields that occupy a byte of a cache line the named field occupies, in declaration
   * order, for a struct starting on a line boundary (as kmalloc returns it wherever its minimum
   * alignment is at least the line size).
   */
  public List<String> fieldsSharingLineWith(String fieldName, int lineSize) {
    return fieldsSharingLineWith(fieldName, lineSize, 0);
  }

  /**
   * The other fields that occupy a byte of a cache line the named field occupies, in declaration
   * order, for a struct starting at {@code structAddress}.
   */
  public List<String> fieldsSharingLineWith(String fieldName, int lineSize, long structAddress) {
    checkLineSize(lineSize);
    if (structAddress < 0) {
      throw new IllegalArgumentException("struct address must not be negative, got " + structAddress);
    }
    FieldLayout field = field(fieldName);
    long firstLine = (structAddress + field.offset()) / lineSize;
    long lastLine = (structAddress + field.end() - 1) / lineSize;
    List<String> sharing = new ArrayList<>();
    for (FieldLayout other : fields) {
      long otherFirst = (structAddress + other.offset()) / lineSize;
      long otherLast = (structAddress + other.end() - 1) / lineSize;
      if (!other.name().equals(field.name()) && otherFirst <= lastLine && otherLast >= firstLine) {
        sharing.add(other.name());
      }
    }
    return List.copyOf(sharing);
  }

  /**
   * The layout as {@code pahole --cacheline_size=lineSize} (dwarves 1.24) prints gcc's layout of
   * the same struct: a line per field with its offset and size, hole and cache-line boundary
   * comments, and the size, holes and padding summary. {@code __dma_buffer} on a
   * non-coherent target is shown as the alignment it gives; the padding after it as a hole.
   */
  public String toPahole(int lineSize) {
    checkLineSize(lineSize);
    return new PaholePrinter(this, lineSize).print();
  }

  int holeBefore(int index) {
    return index == 0 ? fields.get(0).offset() : fields.get(index).offset() - fields.get(index - 1).end();
  }

  private int indexOf(String fieldName) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(fieldName)) {
        return i;
      }
    }
    List<String> names = fields.stream().map(FieldLayout::name).collect(Collectors.toList());
    throw new IllegalArgumentException("struct " + name() + " has no field '" + fieldName + "'; its fields are "
        + String.join(", ", names) + "." + (fieldName == null ? "" : Identifiers.didYouMean(fieldName, names)));
  }

  private static void checkLineSize(int lineSize) {
    if (lineSize <= 0 || Integer.bitCount(lineSize) != 1) {
      throw new IllegalArgumentException("cache line size must be a power of two, got " + lineSize);
    }
  }
}
