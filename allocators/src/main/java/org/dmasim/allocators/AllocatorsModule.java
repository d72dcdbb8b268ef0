package org.dmasim.allocators;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;

/**
 * Binds the allocators of one machine (page allocator, kmalloc, coherent memory, dma_pool,
 * swiotlb and uncached pages), one of each per injector. Pass it to
 * {@link org.dmasim.core.Machines#injector} beside the core and the architecture. Only binds.
 */
public final class AllocatorsModule extends AbstractModule {
  /** The module; it has no settings of its own. */
  public AllocatorsModule() {}

  @Override
  protected void configure() {
    bind(PageAllocator.class).to(BuddyPageAllocator.class).in(Singleton.class);
    bind(BuddyPageAllocator.class);
    bind(Kmalloc.class).to(SlabKmalloc.class).in(Singleton.class);
    bind(SlabKmalloc.class);
    bind(CoherentMemory.class).to(DirectCoherentMemory.class).in(Singleton.class);
    bind(DirectCoherentMemory.class);
    bind(DmaPools.class).to(KernelDmaPools.class).in(Singleton.class);
    bind(KernelDmaPools.class);
    bind(BounceBuffers.class).to(Swiotlb.class).in(Singleton.class);
    bind(Swiotlb.class);
    bind(UncachedPages.class).to(PageAttributeUncachedPages.class).in(Singleton.class);
    bind(PageAttributeUncachedPages.class);
  }
}
