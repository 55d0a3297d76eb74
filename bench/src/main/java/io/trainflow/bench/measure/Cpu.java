package io.trainflow.bench.measure;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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

    /**
     * CPU seconds another process has used, from {@code /proc/<pid>/stat} (user + system, in clock ticks of 1/100 s):
     * time on a core, so the reading does not grow when other programs load the machine. With {@code children}, the
     * CPU of its children is added: of those that ended (the kernel adds them to the parent) and of those still
     * running (PostgreSQL's backends).
     */
    public static double secondsOf(long pid, boolean children) {
        long[] own = stat(pid);
        long ticks = own[1] + own[2];
        if (children) {
            ticks += own[3] + own[4];
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(d -> d.getFileName().toString().matches("\\d+"))
                        .toList()) {
                    long[] child = stat(Long.parseLong(p.getFileName().toString()));
                    if (child[0] == pid) {
                        ticks += child[1] + child[2];
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return ticks / 100.0;
    }

    /**
     * This JVM's CPU clock ticks (1/100 s) by thread group: every thread of {@code /proc/self/task}, JIT and GC
     * included, named as the kernel knows it with the numbers taken out ({@code C2 CompilerThread0} and
     * {@code C2 CompilerThread1} are one group). Threads that ended are not in it.
     */
    public static java.util.Map<String, Long> ticksByThreadGroup() {
        java.util.Map<String, Long> groups = new java.util.TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    long[] stat = stat(task.resolve("stat"));
                    groups.merge(name.replaceAll("[#\\d]+", "").strip(), stat[1] + stat[2], Long::sum);
                } catch (IOException gone) {
                    // the thread ended while being read
                }
            }
        } catch (IOException e) {
            return java.util.Map.of();
        }
        return groups;
    }

    /** The groups that used most CPU between two readings of {@link #ticksByThreadGroup()}, in seconds. */
    public static String busiest(java.util.Map<String, Long> before, java.util.Map<String, Long> after, int most) {
        return after.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(most)
                .map(e -> e.getKey() + " " + e.getValue() / 100.0)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** ppid, utime, stime, cutime, cstime; zeros for a process that has gone. */
    private static long[] stat(long pid) {
        return stat(Path.of("/proc/" + pid + "/stat"));
    }

    /** The same from a {@code stat} file of {@code /proc} (a process's or a thread's). */
    private static long[] stat(Path file) {
        try {
            String line = Files.readString(file);
            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return new long[] {
                Long.parseLong(f[1]),
                Long.parseLong(f[11]),
                Long.parseLong(f[12]),
                Long.parseLong(f[13]),
                Long.parseLong(f[14])
            };
        } catch (IOException | RuntimeException e) {
            return new long[5];
        }
    }
}
