package org.dmasim.driver.api;

/** The kinds of problem the DMA-API debug checker reports (kernel/dma/debug.c, and two beyond it). */
public enum FindingClass {
  /** Unmap or free of an address never mapped or allocated. */
  UNMAP_NEVER_MAPPED,
  /** Unmap or free with a size other than the mapping's. */
  SIZE_MISMATCH,
  /** Unmap with a direction other than the mapping's. */
  DIRECTION_MISMATCH,
  /** Unmap or free with the wrong function (single vs page vs sg vs coherent). */
  WRONG_FUNCTION,
  /** Coherent memory freed with a CPU address other than the allocation's. */
  COHERENT_CPU_ADDRESS_MISMATCH,
  /** A mapping unmapped without its {@code dma_mapping_error} result ever checked. */
  MAPPING_ERROR_NOT_CHECKED,
  /** Sync of memory that is not mapped. */
  SYNC_NOT_MAPPED,
  /** Sync of a range reaching outside its mapping. */
  SYNC_OUTSIDE_RANGE,
  /** Sync with a direction other than the mapping's. */
  SYNC_DIRECTION_MISMATCH,
  /** sync_for_cpu of a TO_DEVICE mapping. */
  SYNC_FOR_CPU_OF_TO_DEVICE,
  /** sync_for_device of a FROM_DEVICE mapping. */
  SYNC_FOR_DEVICE_OF_FROM_DEVICE,
  /** Mapping memory that must never be mapped: stack, kernel text, vmalloc. */
  UNMAPPABLE_MEMORY,
  /** Two device-writable mappings whose first cache lines overlap ("cacheline tracking EEXIST"). */
  EEXIST_OVERLAP,
  /** More than 7 overlapping mappings of one cache line (likely a leak). */
  TOO_MANY_OVERLAPS,
  /** Mappings still live when the driver is removed. */
  LEAKED_AT_REMOVE,
  /** Beyond Linux: the CPU touched bytes of a buffer while the device owned it. */
  CPU_TOUCHED_DEVICE_BUFFER,
  /** Beyond Linux: the CPU wrote a byte sharing a cache line with a device-writable mapping in flight. */
  CPU_TOUCHED_DEVICE_LINE
}
