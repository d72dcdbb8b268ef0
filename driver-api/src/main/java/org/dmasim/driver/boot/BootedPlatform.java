package org.dmasim.driver.boot;

import org.dmasim.core.Machine;
import org.dmasim.driver.api.Platform;

/** A booted machine: the driver's platform, and the machine beneath it for runners and reports. */
public record BootedPlatform(Platform platform, Machine machine) {}
