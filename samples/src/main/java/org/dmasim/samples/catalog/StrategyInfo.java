package org.dmasim.samples.catalog;

import com.google.inject.Module;

/**
 * One way a sample can place or handle its buffers: its name, a line of description,
 * whether the machine boots with {@code swiotlb=force}, and the module that binds the
 * sample's driver with this strategy.
 */
public record StrategyInfo(String name, String description, boolean swiotlbForce, Module module) {
  /** Checks the parts are present. */
  public StrategyInfo {
    if (name == null || name.isBlank() || description == null || module == null) {
      throw new IllegalArgumentException("strategy name, description and module are required");
    }
  }
}
