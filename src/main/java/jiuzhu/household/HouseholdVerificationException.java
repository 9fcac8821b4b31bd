package jiuzhu.household;

/** No verification answer could be obtained: the platform failed, timed out or answered something unreadable. */
public class HouseholdVerificationException extends RuntimeException {

    HouseholdVerificationException(String message) {
        super(message);
    }

    HouseholdVerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
