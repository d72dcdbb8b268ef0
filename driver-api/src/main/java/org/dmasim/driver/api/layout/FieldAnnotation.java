package org.dmasim.driver.api.layout;

import java.util.Objects;
import org.dmasim.driver.api.Target;

/**
 * An attribute on a struct field that raises its alignment, as gcc's
 * {@code __attribute__((aligned(n)))} on a member does (it never lowers it).
 *
 * @param kind which annotation
 * @param bytes the alignment asked for by {@link Kind#ALIGNED}; 0 for the other kinds, whose
 *     alignment depends on the target
 */
public record FieldAnnotation(Kind kind, int bytes) {

  /** The annotations a field may carry. */
  public enum Kind {
    /** {@code __aligned(n)}: align to n bytes. */
    ALIGNED,
    /** {@code ____cacheline_aligned}: align to {@link Target#l1CacheBytes()}. */
    CACHELINE_ALIGNED,
    /**
     * The proposed {@code __dma_buffer}: on a non-coherent target, align to
     * {@link Target#dmaAlignment()} and start the next field on the next such boundary; on a
     * coherent target, nothing.
     */
    DMA_BUFFER
  }

  /** Checks that {@code ALIGNED} has a power-of-two alignment and the other kinds none. */
  public FieldAnnotation {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.ALIGNED && (bytes <= 0 || Integer.bitCount(bytes) != 1)) {
      throw new IllegalArgumentException("aligned(" + bytes + "): the alignment must be a power of two");
    }
    if (kind != Kind.ALIGNED && bytes != 0) {
      throw new IllegalArgumentException(kind + " takes no byte count, got " + bytes);
    }
  }

  /** {@code __attribute__((aligned(bytes)))}; {@code bytes} must be a power of two. */
  public static FieldAnnotation aligned(int bytes) {
    return new FieldAnnotation(Kind.ALIGNED, bytes);
  }

  /** Linux's {@code ____cacheline_aligned}: aligned to the target's L1_CACHE_BYTES. */
  public static FieldAnnotation cachelineAligned() {
    return new FieldAnnotation(Kind.CACHELINE_ALIGNED, 0);
  }

  /**
   * The {@code __dma_buffer} proposed in 2002: on a non-coherent target the field is aligned to
   * ARCH_DMA_MINALIGN and padded after so no other field shares its cache lines; no effect on a
   * coherent target.
   */
  public static FieldAnnotation dmaBuffer() {
    return new FieldAnnotation(Kind.DMA_BUFFER, 0);
  }

  /** Whether the annotation does anything on the target ({@code __dma_buffer} only when non-coherent). */
  public boolean appliesTo(Target target) {
    return kind != Kind.DMA_BUFFER || !target.dmaCoherent();
  }

  /** The alignment the annotation asks for on the target, or 1 where it does not apply. */
  public int alignment(Target target) {
    Objects.requireNonNull(target, "target");
    return switch (kind) {
      case ALIGNED -> bytes;
      case CACHELINE_ALIGNED -> target.l1CacheBytes();
      case DMA_BUFFER -> appliesTo(target) ? target.dmaAlignment() : 1;
    };
  }

  /** The annotation as a kernel source would spell it. */
  @Override
  public String toString() {
    return switch (kind) {
      case ALIGNED -> "__aligned(" + bytes + ")";
      case CACHELINE_ALIGNED -> "____cacheline_aligned";
      case DMA_BUFFER -> "__dma_buffer";
    };
  }
}
