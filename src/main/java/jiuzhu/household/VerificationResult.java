package jiuzhu.household;

import java.util.Objects;

/**
 * The answer of a verification: the outcome, what was found (Chinese text, masked ID numbers at most) and which
 * source answered ({@code built-in}, or the platform's base URL).
 */
public record VerificationResult(Outcome outcome, String findings, String source) {

    public enum Outcome { CONFIRMED, DISCREPANCY }

    public VerificationResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(findings, "findings");
        Objects.requireNonNull(source, "source");
    }
}
