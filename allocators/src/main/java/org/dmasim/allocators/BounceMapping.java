package org.dmasim.allocators;

import org.dmasim.core.DmaDirection;

/** A bounced streaming mapping: the original buffer and the slots standing in for it. */
public record BounceMapping(long originalPhysical, long bouncePhysical, long size, DmaDirection direction,
    int slots) {}
