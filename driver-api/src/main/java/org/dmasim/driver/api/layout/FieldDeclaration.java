package org.dmasim.driver.api.layout;

import java.util.List;
import java.util.Objects;
import org.dmasim.driver.api.Target;

/**
 * One field of a {@link StructDeclaration}: {@code type name;} or {@code type name[arrayLength];},
 * with its annotations.
 *
 * @param name the field's name, a C identifier
 * @param type the element type
 * @param arrayLength the number of elements of an array field, or 0 for a field that is not an array
 * @param annotations the attributes on the field
 */
public record FieldDeclaration(String name, FieldType type, int arrayLength, List<FieldAnnotation> annotations) {

  /** Checks the name is a C identifier, the type is given and the length is not negative. */
  public FieldDeclaration {
    Identifiers.check("field name", name);
    Objects.requireNonNull(type, () -> "type of field " + name);
    if (arrayLength < 0) {
      throw new IllegalArgumentException("array length of field '" + name
          + "' must not be negative (0 declares a field that is not an array), got " + arrayLength);
    }
    annotations = List.copyOf(annotations);
  }

  /** Whether the field is declared as an array (even of one element). */
  public boolean isArray() {
    return arrayLength > 0;
  }

  /** The field's type as C spells it, with the array length: {@code "char[16]"}, {@code "struct hdr"}. */
  public String typeDescription() {
    return isArray() ? type.typeName() + "[" + arrayLength + "]" : type.typeName();
  }

  /** The number of elements: the array length, or 1. */
  int count() {
    return Math.max(1, arrayLength);
  }

  /** The largest alignment the applicable annotations ask for on the target; 0 when none applies. */
  int requestedAlignment(Target target) {
    int requested = 0;
    for (FieldAnnotation annotation : annotations) {
      if (annotation.appliesTo(target)) {
        requested = Math.max(requested, annotation.alignment(target));
      }
    }
    return requested;
  }

  /** Whether the next field must start on the next DMA alignment boundary ({@code __dma_buffer}). */
  boolean padsToDmaBoundary(Target target) {
    for (FieldAnnotation annotation : annotations) {
      if (annotation.kind() == FieldAnnotation.Kind.DMA_BUFFER && annotation.appliesTo(target)) {
        return true;
      }
    }
    return false;
  }

  /**
   * gcc's TYPE_ALIGN of the field's type: a scalar's size, even where the ABI aligns it less
   * inside structs (i386's long long and double), or a struct's alignment.
   */
  int typeAlign(Target target) {
    return type instanceof CType ? type.size(target) : type.alignment(target);
  }

  /**
   * Whether gcc records an explicit alignment for the member (DW_AT_alignment, which pahole prints
   * as {@code __attribute__((__aligned__(n)))}): an annotation asking for at least the type's
   * TYPE_ALIGN (gcc drops smaller requests), or a struct type that has such a member itself.
   */
  boolean hasForcedAlignment(Target target) {
    int requested = requestedAlignment(target);
    if (requested > 0 && requested >= typeAlign(target)) {
      return true;
    }
    return type instanceof StructDeclaration struct && struct.hasForcedAlignment(target);
  }
}
