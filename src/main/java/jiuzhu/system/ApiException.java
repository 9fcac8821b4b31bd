package jiuzhu.system;

import java.util.List;

import org.springframework.http.HttpStatus;

/** An error the API reports as a problem detail: a stable code and a message in Chinese and English. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private List<?> errors = List.of();

    public ApiException(HttpStatus status, String code, String chinese, String english) {
        super(chinese + " / " + english);
        this.status = status;
        this.code = code;
    }

    public static ApiException notFound(String chineseWhat, String englishWhat) {
        return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "未找到" + chineseWhat, englishWhat + " not found");
    }

    public static ApiException forbidden() {
        return new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", "无权执行此操作", "you may not do this");
    }

    /** Field-level problems shown as the problem's {@code errors} property. */
    public ApiException setErrors(List<?> errors) {
        this.errors = List.copyOf(errors);
        return this;
    }

    public List<?> errors() {
        return errors;
    }

    public static ApiException conflict(String code, String chinese, String english) {
        return new ApiException(HttpStatus.CONFLICT, code, chinese, english);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
