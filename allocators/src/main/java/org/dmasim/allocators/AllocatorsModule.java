package org.dmasim.allocators;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import org.dmasim.core.Restorable;

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
    // The classes are the singletons and the interfaces link to them, so that the interface, the
    // class and the machine's restorable parts are one object.
    bind(BuddyPageAllocator.class).in(Singleton.class);
    bind(PageAllocator.class).to(BuddyPageAllocator.class);
    bind(SlabKmalloc.class).in(Singleton.class);
    bind(Kmalloc.class).to(SlabKmalloc.class);
    bind(DirectCoherentMemory.class).in(Singleton.class);
    bind(CoherentMemory.class).to(DirectCoherentMemory.class);
    bind(KernelDmaPools.class).in(Singleton.class);
    bind(DmaPools.class).to(KernelDmaPools.class);
    bind(Swiotlb.class).in(Singleton.class);
    bind(BounceBuffers.class).to(Swiotlb.class);
    bind(PageAttributeUncachedPages.class).in(Singleton.class);
    bind(UncachedPages.class).to(PageAttributeUncachedPages.class);
    Restorable.bind(binder(), BuddyPageAllocator.class);
    Restorable.bind(binder(), SlabKmalloc.class);
    Restorable.bind(binder(), DirectCoherentMemory.class);
    Restorable.bind(binder(), Swiotlb.class);
  }
}
