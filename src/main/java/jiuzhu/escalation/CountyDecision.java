package jiuzhu.escalation;

import java.util.Arrays;
import java.util.Optional;

/** What the county decides on an exception case; the value of {@link CountyReview#DECISION}. */
public enum CountyDecision {

    /** 批准. */
    APPROVED,
    /** 不予批准: the law wants a written refusal with reasons. */
    REFUSED,
    /** 退回乡镇补充调查: sent back to the township for more investigation. */
    RETURNED;

    /** Whether the decision must carry reasons: a refusal must (社会救助法 art. 45), a return says what is missing. */
    public boolean needsReasons() {
        return this != APPROVED;
    }

    /** The decision a variable names, or empty for anything else (null, another type, an unknown name). */
    public static Optional<CountyDecision> of(Object value) {
        return Arrays.stream(values()).filter(decision -> decision.name().equals(value)).findFirst();
    }
}
