package org.dmasim.samples.drivers;

/** A sample driver: written once against the driver API, it runs one scenario and records what it saw. */
public interface SampleDriver {
  /** Runs the driver's scenario once, telling {@code recorder} what happened. */
  void run(Recorder recorder);
}
