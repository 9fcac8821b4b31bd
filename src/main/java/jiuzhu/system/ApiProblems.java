package jiuzhu.system;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jiuzhu.calendar.CalendarDataException;

/**
 * Every error of Jiuzhu's API as RFC 9457 problem details with a stable {@code code} and a Chinese and English
 * {@code detail}. Bad input is a 4xx that says what was wrong; nothing internal (stack traces, SQL) is shown. It runs
 * before Spring's own problem-details handler, which still answers (without a code) for anything not listed here.
 */
@RestControllerAdvice(basePackages = "jiuzhu")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        ResponseEntity<ProblemDetail> response = problem(e.status(), e.code(), e.getMessage());
        if (!e.errors().isEmpty()) {
            response.getBody().setProperty("errors", e.errors());
        }
        return response;
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "PARAMETER_MISSING",
                "缺少参数 " + e.getParameterName() + " / parameter " + e.getParameterName() + " is required");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "" : e.getRequiredType().getSimpleName();
        String hint = "LocalDate".equals(expected) ? "YYYY-MM-DD" : expected;
        return problem(HttpStatus.BAD_REQUEST, "PARAMETER_INVALID", "参数 " + e.getName() + " 格式错误，应为 " + hint
                + " / parameter " + e.getName() + " must be " + hint);
    }

    @ExceptionHandler(CalendarDataException.class)
    ResponseEntity<ProblemDetail> calendarData(CalendarDataException e) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "CALENDAR_DATA_INVALID", e.getMessage());
        response.getBody().setProperty("problems", e.problems());
        return response;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimit.TooLarge) {
                return problem(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "请求内容超过" + RequestSizeLimit.MAX_BYTES / 1024
                        + " KiB / the request body exceeds " + RequestSizeLimit.MAX_BYTES / 1024 + " KiB");
            }
        }
        return problem(HttpStatus.BAD_REQUEST, "BODY_UNREADABLE", "请求内容无法解析 / the request body cannot be read");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "MEDIA_TYPE_UNSUPPORTED",
                "不支持的内容类型 / unsupported content type " + e.getContentType());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "不支持的请求方法 / method not allowed");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "未找到 / not found");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegal(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "INPUT_INVALID", e.getMessage());
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:jiuzhu:problem:" + code.toLowerCase().replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        return ResponseEntity.status(status).body(problem);
    }
}
