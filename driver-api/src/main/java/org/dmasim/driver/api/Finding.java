package org.dmasim.driver.api;

/**
 * One report of the DMA-API debug checker: its class, the message, the mapping concerned
 * (device address, size, direction, function) and where in the driver the call was made.
 */
public record Finding(FindingClass findingClass, String message, String mapping, String location) {
  /** Checks every part is present. */
  public Finding {
    if (findingClass == null || message == null || mapping == null || location == null) {
      throw new IllegalArgumentException("finding parts must not be null");
    }
  }

  /** One line: class, message, mapping, location. */
  public String format() {
    return findingClass + ": " + message + " [" + mapping + "] at " + location;
  }
}
