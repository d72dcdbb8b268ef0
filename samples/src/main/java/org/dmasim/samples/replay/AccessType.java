package org.dmasim.samples.replay;

/**
 * The access types of a Dinero IV trace, with the codes its din and binary formats use and
 * the letters of its extended format.
 */
public enum AccessType {
  /** 0, {@code r}: a data read. */
  READ('r'),
  /** 1, {@code w}: a data write. */
  WRITE('w'),
  /** 2, {@code i}: an instruction fetch (a read of the unified cache). */
  INSTRUCTION_FETCH('i'),
  /** 3, {@code m}: miscellaneous, counted apart but otherwise a read. */
  MISC('m'),
  /** 4, {@code c}: copy back the block if dirty, keep it (dmasim's clean); size 0: the whole cache. */
  COPY_BACK('c'),
  /** 5, {@code v}: invalidate the block without copying it back (dmasim's invalidate); size 0: the whole cache. */
  INVALIDATE('v');

  private static final AccessType[] BY_CODE = values();

  private final char letter;

  AccessType(char letter) {
    this.letter = letter;
  }

  /** The code of the din and binary formats: 0 read ... 5 invalidate. */
  public int code() {
    return ordinal();
  }

  /** The letter of the extended din format. */
  public char letter() {
    return letter;
  }

  /** Whether this is a demand reference (read, write, instruction fetch, misc) rather than maintenance. */
  public boolean demand() {
    return ordinal() <= MISC.ordinal();
  }

  /** The type with din/binary code {@code code}, or null. */
  public static AccessType ofCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }

  /** The type of the extended format's letter (either case), or null. */
  public static AccessType ofLetter(int letter) {
    for (AccessType type : BY_CODE) {
      if (type.letter == Character.toLowerCase(letter)) {
        return type;
      }
    }
    return null;
  }
}
