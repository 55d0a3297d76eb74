package io.trainflow.bench.measure;

import java.lang.management.ManagementFactory;

/** CPU time of the whole JVM (all threads, JIT and GC included), in nanoseconds. */
public final class Cpu {

    private Cpu() {}

    public static long processNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }
}
