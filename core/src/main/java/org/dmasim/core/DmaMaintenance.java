package org.dmasim.core;


/**
 * An architecture's cache maintenance for a non-coherent (or coherent) device, at physical
 * addresses: what Linux's arch_sync_dma_for_device/for_cpu and coherent allocation do.
 */
public interface DmaMaintenance {
  /** Before the device owns the range: at map and at sync_for_device. */
  void forDevice(long physicalAddress, long size, DmaDirection direction);

  /** When the CPU takes the range back: at unmap and at sync_for_cpu. */
  void forCpu(long physicalAddress, long size, DmaDirection direction);

  /** Before pages are handed out as coherent memory through an uncached alias. */
  void prepareCoherent(long physicalAddress, long size);

  /** The maintenance of a machine whose cache snoops the device: every hook is a no-op. */
  DmaMaintenance SNOOPED = new DmaMaintenance() {
    @Override
    public void forDevice(long physicalAddress, long size, DmaDirection direction) {
      // the cache snoops the device: nothing to do
    }

    @Override
    public void forCpu(long physicalAddress, long size, DmaDirection direction) {
      // the cache snoops the device: nothing to do
    }

    @Override
    public void prepareCoherent(long physicalAddress, long size) {
      // coherent memory is ordinary write-back memory
    }
  };
}
