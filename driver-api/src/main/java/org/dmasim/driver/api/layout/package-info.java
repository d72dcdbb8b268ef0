/**
 * C struct layouts as gcc computes them for a {@link org.dmasim.driver.api.Target}: field offsets,
 * holes, tail padding, which fields share a cache line, and a pahole-style listing.
 *
 * <p>A driver declares its structs once ({@link org.dmasim.driver.api.layout.StructDeclaration})
 * and lays them out per target ({@link org.dmasim.driver.api.layout.StructLayout}); the
 * {@code ____cacheline_aligned}, {@code __aligned(n)} and proposed {@code __dma_buffer}
 * annotations are {@link org.dmasim.driver.api.layout.FieldAnnotation}s.
 */
package org.dmasim.driver.api.layout;
