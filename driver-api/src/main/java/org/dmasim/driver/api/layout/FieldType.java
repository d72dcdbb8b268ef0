package org.dmasim.driver.api.layout;

import org.dmasim.driver.api.Target;

/** The type of a struct field: a C scalar ({@link CType}) or a struct ({@link StructDeclaration}). */
public sealed interface FieldType permits CType, StructDeclaration {

  /** The type as C spells it: {@code "unsigned short"}, {@code "u8"}, {@code "struct hdr"}. */
  String typeName();

  /** {@code sizeof} the type on the target. */
  int size(Target target);

  /** The type's alignment inside a struct on the target. */
  int alignment(Target target);
}
