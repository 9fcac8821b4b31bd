package jiuzhu.intake;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;

import jiuzhu.system.ApiException;

/** Collects every problem of an application, so the service point is told everything at once, not one by one. */
final class InputProblems {

    record Problem(String field, String code, String message) {
    }

    private final List<Problem> problems = new ArrayList<>();

    void add(String field, String code, String chinese, String english) {
        problems.add(new Problem(field, code, chinese + " / " + english));
    }

    /** A message that is already bilingual. */
    void addBilingual(String field, String code, String message) {
        problems.add(new Problem(field, code, message));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            ApiException e = new ApiException(HttpStatus.BAD_REQUEST, "APPLICATION_INVALID",
                    "申请内容有误（" + problems.size() + "处）", "the application has " + problems.size() + " problem(s)");
            e.setErrors(List.copyOf(problems));
            throw e;
        }
    }
}
