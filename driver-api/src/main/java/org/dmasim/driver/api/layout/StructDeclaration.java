package org.dmasim.driver.api.layout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.dmasim.driver.api.Target;

/**
 * A C struct declaration, independent of any target; {@link #layout(Target)} places it.
 *
 * <pre>{@code
 * StructDeclaration iostruct = StructDeclaration.named("iostruct")
 *     .field("ifield", CType.INT)
 *     .array("buffer", CType.CHAR, 16, FieldAnnotation.dmaBuffer())
 *     .build();
 * }</pre>
 *
 * @param name the struct tag, a C identifier
 * @param fields the fields in declaration order; at least one, names unique
 */
public record StructDeclaration(String name, List<FieldDeclaration> fields) implements FieldType {

  /** Checks the name, that there is a field, and that field names are unique. */
  public StructDeclaration {
    Identifiers.check("struct name", name);
    fields = List.copyOf(fields);
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("struct " + name + " has no fields; C needs at least one");
    }
    Set<String> seen = new HashSet<>();
    for (FieldDeclaration field : fields) {
      if (!seen.add(field.name())) {
        throw new IllegalArgumentException("duplicate field name '" + field.name() + "' in struct " + name);
      }
    }
  }

  /** Starts declaring {@code struct name}. */
  public static Builder named(String name) {
    Identifiers.check("struct name", name);
    return new Builder(name);
  }

  /** Lays the struct out as gcc does on the target. */
  public StructLayout layout(Target target) {
    return Layouts.layOut(this, Objects.requireNonNull(target, "target"));
  }

  @Override
  public String typeName() {
    return "struct " + name;
  }

  @Override
  public int size(Target target) {
    return layout(target).size();
  }

  @Override
  public int alignment(Target target) {
    return layout(target).alignment();
  }

  /**
   * Whether gcc records an explicit alignment for the struct (DW_AT_alignment, which pahole
   * prints after its closing brace): when a member has one, unless the target's gcc drops it.
   */
  boolean hasForcedAlignment(Target target) {
    for (FieldDeclaration field : fields) {
      if (field.hasForcedAlignment(target)) {
        return !StrictAlignment.dropsRecordedAlignment(this, target);
      }
    }
    return false;
  }

  /** Collects the fields of a {@link StructDeclaration} in order. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final List<FieldDeclaration> fields = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    private Builder(String name) {
      this.name = name;
    }

    /** Adds {@code type name;}. */
    public Builder field(String fieldName, FieldType type, FieldAnnotation... annotations) {
      return add(new FieldDeclaration(fieldName, type, 0, List.of(annotations)));
    }

    /** Adds {@code type name[length];}; {@code length} must be at least 1. */
    public Builder array(String fieldName, FieldType type, int length, FieldAnnotation... annotations) {
      if (length < 1) {
        throw new IllegalArgumentException("array length of field '" + fieldName + "' in struct " + name
            + " must be at least 1, got " + length);
      }
      return add(new FieldDeclaration(fieldName, type, length, List.of(annotations)));
    }

    /** Adds {@code struct tag name;}, a nested struct. */
    public Builder struct(String fieldName, StructDeclaration type, FieldAnnotation... annotations) {
      return field(fieldName, type, annotations);
    }

    /** The declaration; at least one field must have been added. */
    public StructDeclaration build() {
      return new StructDeclaration(name, fields);
    }

    private Builder add(FieldDeclaration field) {
      if (!names.add(field.name())) {
        throw new IllegalArgumentException("duplicate field name '" + field.name() + "' in struct " + name);
      }
      fields.add(field);
      return this;
    }
  }
}
