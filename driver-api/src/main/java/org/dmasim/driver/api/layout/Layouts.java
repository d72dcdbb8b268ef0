package org.dmasim.driver.api.layout;

import java.util.ArrayList;
import java.util.List;
import org.dmasim.driver.api.Target;

/** Places fields as gcc does: each at the next multiple of its alignment, the size rounded up. */
final class Layouts {
  private Layouts() {}

  static StructLayout layOut(StructDeclaration declaration, Target target) {
    List<FieldLayout> placed = new ArrayList<>(declaration.fields().size());
    long offset = 0;
    int alignment = 1;
    for (FieldDeclaration field : declaration.fields()) {
      int typeSize;
      int typeAlignment;
      if (field.type() instanceof StructDeclaration struct) {
        StructLayout nested = struct.layout(target);
        typeSize = nested.size();
        typeAlignment = nested.alignment();
      } else {
        typeSize = field.type().size(target);
        typeAlignment = field.type().alignment(target);
      }
      int fieldAlignment = Math.max(typeAlignment, field.requestedAlignment(target));
      offset = alignUp(offset, fieldAlignment);
      long size = (long) typeSize * field.count();
      placed.add(new FieldLayout(field.name(), field.typeDescription(), checked(declaration, offset),
          checked(declaration, size), fieldAlignment));
      offset += size;
      if (field.padsToDmaBoundary(target)) {
        offset = alignUp(offset, target.dmaAlignment());
      }
      alignment = Math.max(alignment, fieldAlignment);
    }
    return new StructLayout(declaration, target, placed, checked(declaration, alignUp(offset, alignment)),
        alignment);
  }

  static long alignUp(long value, long alignment) {
    return (value + alignment - 1) / alignment * alignment;
  }

  private static int checked(StructDeclaration declaration, long value) {
    if (value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("struct " + declaration.name() + " is larger than "
          + Integer.MAX_VALUE + " bytes");
    }
    return (int) value;
  }
}
