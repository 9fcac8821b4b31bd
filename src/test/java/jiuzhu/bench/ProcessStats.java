package jiuzhu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What Linux says about processes: resident memory of this JVM and CPU seconds of a process tree (the PostgreSQL
 * postmaster and its backends, whose finished children are counted in the postmaster's cutime/cstime).
 */
final class ProcessStats {

    /** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100.0;

    private ProcessStats() {
    }

    /** VmRSS or VmHWM of this process in bytes. */
    static long memory(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no " + field + " in /proc/self/status");
    }

    /**
     * The class-data-sharing archive of the application this JVM has mapped (a {@code .jsa} file outside the JDK, as
     * /proc/self/maps shows it), or null: a JVM given an archive it cannot use starts without it and says nothing.
     */
    static String mappedApplicationArchive() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/maps"))) {
            String jdk = Path.of(System.getProperty("java.home")).toRealPath().toString();
            return lines.map(l -> l.substring(l.lastIndexOf(' ') + 1)).filter(f -> f.endsWith(".jsa") && !f.startsWith(jdk))
                    .findFirst().orElse(null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static long parentOf(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("PPid:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no parent of " + pid);
    }

    /** CPU seconds used so far by the process and all its children, live and finished. */
    static double treeCpuSeconds(long pid) {
        long ticks = fields(pid, true);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                long child = Long.parseLong(p.getFileName().toString());
                try {
                    List<String> stat = stat(child);
                    if (Long.parseLong(stat.get(3)) == pid) {
                        ticks += fields(child, false);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we looked: its ticks are now in the parent's cutime/cstime
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return ticks / TICKS;
    }

    private static long fields(long pid, boolean withChildren) {
        try {
            List<String> stat = stat(pid);
            long t = Long.parseLong(stat.get(13)) + Long.parseLong(stat.get(14));
            if (withChildren) {
                t += Long.parseLong(stat.get(15)) + Long.parseLong(stat.get(16));
            }
            return t;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** /proc/<pid>/stat split into fields, the command name (which may hold spaces) as one field. */
    private static List<String> stat(long pid) throws IOException {
        String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
        int open = s.indexOf('(');
        int close = s.lastIndexOf(')');
        List<String> rest = List.of(s.substring(close + 2).trim().split(" "));
        java.util.ArrayList<String> all = new java.util.ArrayList<>();
        all.add(s.substring(0, open).trim());
        all.add(s.substring(open + 1, close));
        all.addAll(rest);
        return all;
    }
}
