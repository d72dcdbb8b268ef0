package org.dmasim.driver.api;

/**
 * The Linux DMA mapping API of one device. Streaming calls perform the architecture's cache
 * maintenance (or bounce the buffer); coherent and pool memory need none. With DMA-API
 * debugging on, every call is checked and findings are recorded in {@link DmaDebug}.
 * Invalid arguments (sizes, unknown addresses, double unmaps) throw
 * {@link IllegalArgumentException} naming them, and nothing changes.
 */
public interface DmaApi {
  /** The value {@link #mapSingle} returns when mapping fails. */
  long DMA_MAPPING_ERROR = -1L;

  /** {@code dma_map_single}: the device owns {@code [cpuAddress, +size)} until unmap or sync_for_cpu. */
  long mapSingle(long cpuAddress, long size, DmaDirection direction);

  /** {@code dma_map_page}: as map_single, for {@code offset} into the page block at {@code pageAddress}. */
  long mapPage(long pageAddress, long offset, long size, DmaDirection direction);

  /** {@code dma_mapping_error}: whether a map result is the error value. Drivers must call it. */
  boolean mappingError(long dmaAddress);

  /** {@code dma_unmap_single}, with the size and direction of the map. */
  void unmapSingle(long dmaAddress, long size, DmaDirection direction);

  /** {@code dma_unmap_page}, with the size and direction of the map. */
  void unmapPage(long dmaAddress, long size, DmaDirection direction);

  /** {@code dma_map_sg}: maps every segment; the result has a device address per segment. */
  MappedScatterList mapSg(ScatterList list, DmaDirection direction);

  /** {@code dma_unmap_sg}. */
  void unmapSg(MappedScatterList mapped, DmaDirection direction);

  /** {@code dma_sync_single_for_cpu} of {@code [dmaAddress, +size)}, which may be part of a mapping. */
  void syncSingleForCpu(long dmaAddress, long size, DmaDirection direction);

  /** {@code dma_sync_single_for_device}. */
  void syncSingleForDevice(long dmaAddress, long size, DmaDirection direction);

  /** {@code dma_sync_sg_for_cpu}. */
  void syncSgForCpu(MappedScatterList mapped, DmaDirection direction);

  /** {@code dma_sync_sg_for_device}. */
  void syncSgForDevice(MappedScatterList mapped, DmaDirection direction);

  /** {@code dma_alloc_coherent}. */
  CoherentBuffer allocCoherent(long size);

  /** {@code dma_free_coherent}, with the size, CPU address and device address of the allocation. */
  void freeCoherent(long size, long cpuAddress, long dmaAddress);

  /** {@code dma_pool_create(name, dev, size, align, boundary)}. */
  DmaPool poolCreate(String name, long size, long align, long boundary);
}
