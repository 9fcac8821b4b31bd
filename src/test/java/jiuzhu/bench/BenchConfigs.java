package jiuzhu.bench;

import java.util.List;

/**
 * The two configurations measured side by side. Both run the same application, models, beans and data on the
 * production profile ({@code postgres}); "stock" adds the {@code bench-stock} profile, which puts back Camunda's and
 * Spring Boot's defaults wherever Jiuzhu's production configuration departs from them, and runs the JVM with its
 * defaults. Authorization stays on in both (the workloads need it; Jiuzhu cannot run without it).
 */
final class BenchConfigs {

    private BenchConfigs() {
    }

    static String profiles(String config) {
        return switch (config) {
            case "jiuzhu" -> "postgres";
            case "stock" -> "postgres,bench-stock";
            default -> throw new IllegalArgumentException("unknown configuration " + config);
        };
    }

    /** JVM options: Jiuzhu's are deploy/jvm.options, which deploy/Dockerfile gives a node; stock runs the JVM's defaults. */
    static List<String> jvmOptions(String config) throws java.io.IOException {
        return switch (config) {
            case "jiuzhu" -> java.nio.file.Files.readAllLines(java.nio.file.Path.of("deploy/jvm.options")).stream()
                    .map(String::trim).filter(l -> !l.isEmpty()).toList();
            case "stock" -> List.of();
            default -> throw new IllegalArgumentException("unknown configuration " + config);
        };
    }
}
