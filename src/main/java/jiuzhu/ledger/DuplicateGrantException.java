package jiuzhu.ledger;

/**
 * A second running grant of one assistance type for one household was asked for. Duplicate assistance must be
 * impossible, so this is a failure (an incident in the process), never something to skip silently.
 */
public class DuplicateGrantException extends IllegalStateException {

    DuplicateGrantException(String message) {
        super(message);
    }
}
