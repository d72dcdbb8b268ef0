package org.dmasim.samples.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.dmasim.core.Hex;
import org.dmasim.core.PhysicalMemory;
import org.dmasim.samples.drivers.Outcome;
import org.dmasim.samples.drivers.Recorder;

/**
 * Compares what the device wrote and what the CPU stored with what memory holds and what the
 * CPU read at the end. Memory is read where the device wrote (its device address is a
 * physical address: no IOMMU), without flushing the cache: a dirty line that has not been
 * written back has not corrupted anything yet.
 */
public final class Oracle {
  private Oracle() {}

  /** Judges one finished run. */
  public static Verdict judge(Recorder recorder, PhysicalMemory memory) {
    Set<Outcome> failures = EnumSet.noneOf(Outcome.class);
    List<String> reasons = new ArrayList<>();
    for (Recorder.DeviceWrite write : recorder.deviceWrites()) {
      byte[] held = memory.read(write.dmaAddress(), write.bytes().length);
      if (!Arrays.equals(held, write.bytes())) {
        failures.add(Outcome.DMA_DATA_CORRUPTED);
        reasons.add(write.what() + ": memory at " + Hex.address(write.dmaAddress()) + " holds " + Hex.bytes(held)
            + ", the device wrote " + Hex.bytes(write.bytes()));
      }
    }
    for (Recorder.CpuRead read : recorder.cpuReads()) {
      if (!read.sawDeviceBytes()) {
        failures.add(Outcome.STALE_READ);
        reasons.add(read.what() + ": the CPU read " + Hex.bytes(read.read()) + ", the device wrote "
            + Hex.bytes(read.written()));
      }
    }
    for (Recorder.CpuStore store : recorder.cpuStores()) {
      if (store.stored() != store.readBack()) {
        failures.add(Outcome.CPU_WRITE_LOST);
        reasons.add(store.what() + ": the CPU stored " + Long.toHexString(store.stored()) + " and read back "
            + Long.toHexString(store.readBack()));
      }
    }
    return new Verdict(failures, reasons);
  }
}
