package org.dmasim.driver.api.internal;

import jakarta.inject.Inject;
import org.dmasim.core.Cpu;
import org.dmasim.core.PageTable;
import org.dmasim.driver.api.CpuAccess;

/** The driver's CPU: the machine's CPU, with every access shown to the debug checker first. */
final class CheckedCpu implements CpuAccess {
  private final Cpu cpu;
  private final DebugChecker checker;
  private final MappingTable mappings;

  @Inject
  CheckedCpu(Cpu cpu, DebugChecker checker, MappingTable mappings) {
    this.cpu = cpu;
    this.checker = checker;
    this.mappings = mappings;
  }

  @Override
  public int read8(long address) {
    check(address, 1, false);
    return (int) cpu.load(address, 1);
  }

  @Override
  public int read16(long address) {
    check(address, 2, false);
    return (int) cpu.load(address, 2);
  }

  @Override
  public int read32(long address) {
    check(address, 4, false);
    return (int) cpu.load(address, 4);
  }

  @Override
  public long read64(long address) {
    check(address, 8, false);
    return cpu.load(address, 8);
  }

  @Override
  public void write8(long address, int value) {
    check(address, 1, true);
    cpu.store(address, 1, value);
  }

  @Override
  public void write16(long address, int value) {
    check(address, 2, true);
    cpu.store(address, 2, value);
  }

  @Override
  public void write32(long address, int value) {
    check(address, 4, true);
    cpu.store(address, 4, value);
  }

  @Override
  public void write64(long address, long value) {
    check(address, 8, true);
    cpu.store(address, 8, value);
  }

  @Override
  public byte[] read(long address, int length) {
    check(address, length, false);
    return cpu.read(address, length);
  }

  @Override
  public void write(long address, byte[] bytes) {
    check(address, bytes.length, true);
    cpu.write(address, bytes);
  }

  private void check(long address, long length, boolean write) {
    if (!checker.enabled() || mappings.isEmpty() || length <= 0) {
      return;
    }
    long at = address;
    long end = address + length;
    while (at < end) {
      long pageEnd = (at & -(long) PageTable.PAGE_SIZE) + PageTable.PAGE_SIZE;
      long chunk = Math.min(end, pageEnd) - at;
      checker.cpuAccess(cpu.physicalAddress(at), chunk, write, mappings.live());
      at += chunk;
    }
  }
}
