package org.dmasim.driver.api.internal;

/** Finds where in the driver a DMA API call or CPU access was made: the first frame outside dmasim's own layers. */
final class CallSite {
  private static final StackWalker WALKER = StackWalker.getInstance();

  private CallSite() {}

  static String find() {
    return WALKER.walk(frames -> frames
        .filter(frame -> !isInfrastructure(frame.getClassName()))
        .findFirst()
        .map(frame -> simpleName(frame.getClassName()) + "." + frame.getMethodName() + "(" + frame.getFileName()
            + ":" + frame.getLineNumber() + ")")
        .orElse("unknown"));
  }

  private static boolean isInfrastructure(String className) {
    return className.startsWith("org.dmasim.driver.api.internal.") || className.startsWith("org.dmasim.driver.boot.")
        || className.startsWith("org.dmasim.core.") || className.startsWith("org.dmasim.allocators.")
        || className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("com.google.");
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
