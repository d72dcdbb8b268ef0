package org.dmasim.driver.api.internal;

import jakarta.inject.Inject;
import org.dmasim.core.Machine;
import org.dmasim.driver.api.CpuAccess;
import org.dmasim.driver.api.Device;
import org.dmasim.driver.api.DmaApi;
import org.dmasim.driver.api.DmaDebug;
import org.dmasim.driver.api.KernelMemory;
import org.dmasim.driver.api.Platform;
import org.dmasim.driver.api.Target;
import org.dmasim.driver.api.TransferHandle;

/** A driver's view of one simulated machine. */
final class MachinePlatform implements Platform {
  private final Machine machine;
  private final Target target;
  private final CpuAccess cpu;
  private final KernelMemory memory;
  private final DmaApi dma;
  private final Device device;
  private final DebugChecker debug;
  private final MappingTable mappings;

  @Inject
  MachinePlatform(Machine machine, Target target, CpuAccess cpu, KernelMemory memory, DmaApi dma, Device device,
      DebugChecker debug, MappingTable mappings) {
    this.machine = machine;
    this.target = target;
    this.cpu = cpu;
    this.memory = memory;
    this.dma = dma;
    this.device = device;
    this.debug = debug;
    this.mappings = mappings;
  }

  @Override
  public Target target() {
    return target;
  }

  @Override
  public CpuAccess cpu() {
    return cpu;
  }

  @Override
  public KernelMemory memory() {
    return memory;
  }

  @Override
  public DmaApi dma() {
    return dma;
  }

  @Override
  public Device device() {
    return device;
  }

  @Override
  public DmaDebug debug() {
    return debug;
  }

  @Override
  public void waitFor(TransferHandle transfer) {
    machine.runUntil(transfer::complete);
  }

  @Override
  public void idle() {
    machine.runUntilIdle();
  }

  @Override
  public void removeDriver() {
    debug.driverRemoved(mappings.live().stream()
        .filter(mapping -> mapping.function != Mapping.Function.COHERENT).toList());
  }

  @Override
  public void note(String text) {
    machine.note(text);
  }
}
