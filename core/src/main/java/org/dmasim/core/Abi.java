package org.dmasim.core;

/**
 * The C data model of an architecture, as struct layouts need it: sizes of long and pointers
 * and the alignment of 8-byte scalars (4 on i386, 8 on ARM EABI, MIPS o32 and LP64).
 */
public record Abi(String name, int pointerSize, int longSize, int eightByteAlignment) {
  /** x86-64, arm64 and other LP64 targets. */
  public static final Abi LP64 = new Abi("LP64", 8, 8, 8);
  /** 32-bit ARM EABI. */
  public static final Abi ARM_EABI = new Abi("ILP32 (ARM EABI)", 4, 4, 8);
  /** 32-bit MIPS o32. */
  public static final Abi MIPS_O32 = new Abi("ILP32 (MIPS o32)", 4, 4, 8);

  /** Checks sizes are 4 or 8 and the alignment is 4 or 8. */
  public Abi {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("ABI name must not be blank");
    }
    for (int value : new int[] {pointerSize, longSize, eightByteAlignment}) {
      if (value != 4 && value != 8) {
        throw new IllegalArgumentException("ABI " + name + ": sizes and alignments must be 4 or 8, was " + value);
      }
    }
  }
}
