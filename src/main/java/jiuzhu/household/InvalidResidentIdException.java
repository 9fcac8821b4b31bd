package jiuzhu.household;

/**
 * A resident ID number that cannot be right. The message is bilingual (Chinese, then English) and
 * carries only the masked number, so it may be logged or shown to the person who typed it.
 */
public class InvalidResidentIdException extends IllegalArgumentException {

    /** What is wrong, as a stable code an API error can carry. */
    public enum Problem {
        MISSING, LENGTH, CHARACTER, CHECK_CHARACTER, BIRTH_DATE
    }

    private final Problem problem;

    InvalidResidentIdException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
