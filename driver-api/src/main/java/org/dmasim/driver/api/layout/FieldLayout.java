package org.dmasim.driver.api.layout;

/**
 * Where one field of a {@link StructLayout} lies.
 *
 * @param name the field's name
 * @param type the field's type as C spells it, with any array length: {@code "char[16]"}
 * @param offset the byte offset from the start of the struct ({@code offsetof})
 * @param size the bytes the field occupies ({@code sizeof}, the whole array for an array)
 * @param alignment the field's alignment: its type's, raised by its annotations
 */
public record FieldLayout(String name, String type, int offset, int size, int alignment) {

  /** Checks the figures are possible. */
  public FieldLayout {
    Identifiers.check("field name", name);
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("type of field '" + name + "' must not be blank");
    }
    if (offset < 0 || size < 1 || alignment < 1 || Integer.bitCount(alignment) != 1 || offset % alignment != 0) {
      throw new IllegalArgumentException("field '" + name + "': impossible offset " + offset + ", size " + size
          + ", alignment " + alignment);
    }
  }

  /** The offset just past the field. */
  public int end() {
    return offset + size;
  }
}
