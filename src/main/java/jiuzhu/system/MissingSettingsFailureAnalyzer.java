package jiuzhu.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link MissingSettingsException} into Spring Boot's plain "APPLICATION FAILED TO START" report. */
class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingsException cause) {
        String description = "Jiuzhu 的 postgres 配置不完整，未启动 / The postgres profile is missing required settings:\n  - "
                + String.join("\n  - ", cause.problems());
        String action = "请设置这些环境变量后重新启动 / Set these environment variables and start again: "
                + String.join(", ", RequiredSettings.VARIABLES)
                + "\n(例如 / for example: JIUZHU_DB_URL=jdbc:postgresql://db:5432/jiuzhu). See deploy/README.md.";
        return new FailureAnalysis(description, action, cause);
    }
}
