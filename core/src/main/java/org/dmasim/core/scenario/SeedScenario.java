package org.dmasim.core.scenario;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.dmasim.core.DmaDirection;
import org.dmasim.core.DmaRequest;
import org.dmasim.core.DmaTransfer;
import org.dmasim.core.Hex;
import org.dmasim.core.Machine;
import org.dmasim.core.Outcome;

/**
 * The 2002 bug, built from the machine model alone: a struct with {@code int ifield} followed
 * by a 16-byte buffer that a device fills. The CPU writes ifield, the buffer is prepared for a
 * FROM_DEVICE transfer, the device writes a pattern while the CPU reads and updates ifield,
 * the buffer is handed back to the CPU, and the CPU reads the buffer and ifield.
 */
public final class SeedScenario {
  /** Where the buffer lies. */
  public enum Layout {
    /** {@code struct { int ifield; char buffer[16]; }} at an 8-byte aligned address: they share a line. */
    EMBEDDED,
    /** The buffer aligned to the architecture's DMA alignment and padded to it: it owns its lines. */
    DMA_ALIGNED
  }

  /** Bytes the device writes. */
  public static final int BUFFER_BYTES = 16;
  /** What ifield holds before the buffer is mapped. */
  public static final int IFIELD_BEFORE_MAP = 0x1111_1111;
  /** What the CPU stores to ifield while the transfer is in flight. */
  public static final int IFIELD_DURING_TRANSFER = 0x2222_2222;
  /** What the buffer held before the transfer (the driver's previous use of it). */
  public static final byte OLD_BUFFER_BYTE = 0x5a;

  private static final long EMBEDDED_STRUCT = 0x10_0008L;
  private static final long ALIGNED_STRUCT = 0x10_0000L;

  private SeedScenario() {}

  /**
   * What happened: the device's pattern, what the CPU read, what memory held, the two values
   * of ifield the CPU saw, and the outcomes they imply.
   */
  public record Result(Layout layout, long bufferPhysicalAddress, byte[] devicePattern, byte[] cpuReadBuffer,
      byte[] memoryBuffer, int ifieldSeenDuringTransfer, int ifieldAtEnd, Set<Outcome> failures) {
    /** Copies the arrays and the set. */
    public Result {
      devicePattern = devicePattern.clone();
      cpuReadBuffer = cpuReadBuffer.clone();
      memoryBuffer = memoryBuffer.clone();
      failures = failures.isEmpty() ? Set.of() : Set.copyOf(failures);
    }

    /** The run's name: OK, or its first failure. */
    public Outcome outcome() {
      return Outcome.primary(failures);
    }

    /** Whether the store to ifield made before mapping vanished. */
    public boolean writeBeforeMapLost() {
      return ifieldSeenDuringTransfer != IFIELD_BEFORE_MAP;
    }

    /** Whether the store to ifield made during the transfer vanished. */
    public boolean writeDuringTransferLost() {
      return ifieldAtEnd != IFIELD_DURING_TRANSFER;
    }

    /** One line: outcome, failures and the bytes that tell them. */
    public String summary() {
      return outcome() + (failures.size() > 1 ? " " + failures : "") + "  cpu read " + Hex.bytes(cpuReadBuffer)
          + ", memory " + Hex.bytes(memoryBuffer) + ", ifield seen during transfer "
          + Integer.toHexString(ifieldSeenDuringTransfer) + ", at end " + Integer.toHexString(ifieldAtEnd);
    }
  }

  /** Runs the scenario on {@code machine} with the buffer laid out as {@code layout}. */
  public static Result run(Machine machine, Layout layout) {
    int dmaAlignment = machine.profile().dmaAlignment();
    long structPhysical = layout == Layout.EMBEDDED ? EMBEDDED_STRUCT : ALIGNED_STRUCT;
    long bufferOffset = layout == Layout.EMBEDDED ? Integer.BYTES : roundUp(Integer.BYTES, dmaAlignment);
    long bufferPhysical = structPhysical + bufferOffset;
    long ifield = machine.addressSpace().kernelAddress(structPhysical);
    long buffer = machine.addressSpace().kernelAddress(bufferPhysical);
    byte[] pattern = new byte[BUFFER_BYTES];
    for (int i = 0; i < BUFFER_BYTES; i++) {
      pattern[i] = (byte) (0xc0 + i);
    }
    byte[] old = new byte[BUFFER_BYTES];
    Arrays.fill(old, OLD_BUFFER_BYTE);

    machine.note("driver: buffer holds its previous contents; ifield = " + Integer.toHexString(IFIELD_BEFORE_MAP));
    machine.cpu().write(buffer, old);
    machine.cpu().store(ifield, Integer.BYTES, IFIELD_BEFORE_MAP);

    machine.note("driver: map the buffer FROM_DEVICE (architecture maintenance)");
    machine.dmaMaintenance().forDevice(bufferPhysical, BUFFER_BYTES, DmaDirection.FROM_DEVICE);
    machine.note("driver: start the device");
    DmaTransfer transfer = machine.dmaEngine().start(DmaRequest.deviceWrite(bufferPhysical, pattern), done -> { });

    machine.note("driver: read and update ifield while the transfer is in flight");
    int seen = (int) machine.cpu().load(ifield, Integer.BYTES);
    machine.cpu().store(ifield, Integer.BYTES, IFIELD_DURING_TRANSFER);

    machine.runUntil(transfer::complete);
    machine.note("driver: unmap the buffer (architecture maintenance)");
    machine.dmaMaintenance().forCpu(bufferPhysical, BUFFER_BYTES, DmaDirection.FROM_DEVICE);

    machine.note("driver: read the buffer and ifield");
    byte[] cpuRead = machine.cpu().read(buffer, BUFFER_BYTES);
    int atEnd = (int) machine.cpu().load(ifield, Integer.BYTES);
    byte[] inMemory = machine.memory().read(bufferPhysical, BUFFER_BYTES);

    Set<Outcome> failures = EnumSet.noneOf(Outcome.class);
    if (!Arrays.equals(inMemory, pattern)) {
      failures.add(Outcome.DMA_DATA_CORRUPTED);
    }
    if (!Arrays.equals(cpuRead, pattern)) {
      failures.add(Outcome.STALE_READ);
    }
    if (seen != IFIELD_BEFORE_MAP || atEnd != IFIELD_DURING_TRANSFER) {
      failures.add(Outcome.CPU_WRITE_LOST);
    }
    return new Result(layout, bufferPhysical, pattern, cpuRead, inMemory, seen, atEnd, failures);
  }

  private static long roundUp(long value, long alignment) {
    return (value + alignment - 1) / alignment * alignment;
  }
}
