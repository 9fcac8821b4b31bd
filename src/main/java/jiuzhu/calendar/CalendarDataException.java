package jiuzhu.calendar;

import java.util.List;
import java.util.Objects;

/**
 * Calendar data that must not be used. Administrators edit the year files by hand, so the message names the
 * file and every problem found, in Chinese for them and in English for developers and logs.
 */
public class CalendarDataException extends RuntimeException {

    private final String sourceName;
    private final List<String> problems;

    public CalendarDataException(String sourceName, List<String> problems) {
        this(sourceName, problems, null);
    }

    public CalendarDataException(String sourceName, List<String> problems, Throwable cause) {
        super(message(sourceName, problems), cause);
        this.sourceName = Objects.requireNonNull(sourceName, "sourceName");
        this.problems = List.copyOf(problems);
    }

    /** The file (or other source) the data came from, as given by the caller. */
    public String sourceName() {
        return sourceName;
    }

    /** Each problem as one bilingual line ("中文 / English"), e.g. for showing them as a list in a UI. */
    public List<String> problems() {
        return problems;
    }

    private static String message(String sourceName, List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a CalendarDataException needs at least one problem");
        }
        StringBuilder sb = new StringBuilder()
                .append("日历数据「").append(sourceName).append("」有误 / Calendar data '")
                .append(sourceName).append("' is invalid:");
        for (String problem : problems) {
            sb.append("\n  - ").append(problem);
        }
        return sb.toString();
    }
}
