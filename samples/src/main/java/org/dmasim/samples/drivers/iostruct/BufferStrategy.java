package org.dmasim.samples.drivers.iostruct;

/**
 * Where the iostruct sample's device buffer lives next to {@code ifield}, and how it is handed
 * to the device and back: the one thing that differs between the 2002 proposals.
 */
public interface BufferStrategy {
  /** Allocates the struct (and the buffer, where it lives apart) for a buffer of {@code bufferBytes}. */
  IostructBuffers allocate(int bufferBytes);
}
