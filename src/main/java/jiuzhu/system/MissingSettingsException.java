package jiuzhu.system;

import java.util.List;

/** Production settings are missing or unusable; {@link MissingSettingsFailureAnalyzer} explains it to the operator. */
class MissingSettingsException extends RuntimeException {

    private final List<String> problems;

    MissingSettingsException(List<String> problems) {
        super("postgres profile: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
