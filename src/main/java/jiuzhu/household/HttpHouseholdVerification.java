package jiuzhu.household;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Verification by the external household economic-status verification platform ({@code jiuzhu.verification.mode=http}).
 * Sends {@code POST <base-url>/verifications} with the household id, case number, assistance type and the members'
 * keyed ID look-up hashes (never a plain ID number or a name), and expects {@code 200} with
 * {@code {"outcome": "CONFIRMED" | "DISCREPANCY", "findings": "..."}}.
 *
 * <p>Failures are never a pass: a timeout, a connection error or a 5xx is retried {@code retries} times, then, like a
 * 4xx or an answer that cannot be read, it throws {@link HouseholdVerificationException}, so the job fails and the
 * case stops at an incident an operator sees in Cockpit.
 */
@Component
@ConditionalOnProperty(name = "jiuzhu.verification.mode", havingValue = "http")
class HttpHouseholdVerification implements HouseholdVerification {

    private static final Logger log = LoggerFactory.getLogger(HttpHouseholdVerification.class);
    private static final Duration PAUSE = Duration.ofMillis(200);

    private final URI endpoint;
    private final Duration timeout;
    private final int retries;
    private final MemberLookup lookup;
    private final ObjectMapper json;
    private final HttpClient client;

    HttpHouseholdVerification(VerificationProperties properties, MemberLookup lookup, ObjectMapper json) {
        VerificationProperties.Http http = properties.http();
        if (http == null || http.baseUrl() == null || http.baseUrl().toString().isBlank()) {
            throw new IllegalStateException("jiuzhu.verification.mode=http 需要 jiuzhu.verification.http.base-url"
                    + " / the http verification needs jiuzhu.verification.http.base-url");
        }
        String base = http.baseUrl().toString();
        this.endpoint = URI.create(base.endsWith("/") ? base + "verifications" : base + "/verifications");
        this.timeout = http.timeout();
        this.retries = Math.max(0, http.retries());
        this.lookup = lookup;
        this.json = json;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public VerificationResult verify(long householdId, String caseNumber, String assistanceType) {
        byte[] body = request(householdId, caseNumber, assistanceType);
        HouseholdVerificationException last = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                pause(attempt);
            }
            HttpResponse<String> response;
            try {
                response = client.send(HttpRequest.newBuilder(endpoint).timeout(timeout)
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                last = failure("核对平台无应答 / the verification platform did not answer (" + e + ")", caseNumber, e);
                log.warn("Verification attempt {} failed for case {}: {}", attempt + 1, caseNumber, e.toString());
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("核对被中断 / verification interrupted", caseNumber, e);
            }
            int status = response.statusCode();
            if (status >= 500) {
                last = failure("核对平台出错 / the verification platform answered HTTP " + status, caseNumber, null);
                log.warn("Verification attempt {} got HTTP {} for case {}", attempt + 1, status, caseNumber);
                continue;
            }
            if (status != 200) {
                // A request the platform refuses will be refused again: no retry.
                throw failure("核对平台拒绝请求 / the verification platform answered HTTP " + status, caseNumber, null);
            }
            return read(response.body(), caseNumber);
        }
        throw last;
    }

    private byte[] request(long householdId, String caseNumber, String assistanceType) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("householdId", householdId);
        request.put("caseNumber", caseNumber);
        request.put("assistanceType", assistanceType);
        request.put("memberIdHashes", lookup.hashes(householdId));
        try {
            return json.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private VerificationResult read(String body, String caseNumber) {
        JsonNode answer;
        try {
            answer = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw failure("核对平台的答复无法读取 / the platform's answer is not JSON", caseNumber, e);
        }
        String outcome = answer == null ? null : answer.path("outcome").asText(null);
        String findings = answer == null ? null : answer.path("findings").asText(null);
        if ("CONFIRMED".equals(outcome)) {
            return new VerificationResult(VerificationResult.Outcome.CONFIRMED,
                    findings == null || findings.isBlank() ? "核对平台核对一致" : findings, endpoint.toString());
        }
        if ("DISCREPANCY".equals(outcome) && findings != null && !findings.isBlank()) {
            return new VerificationResult(VerificationResult.Outcome.DISCREPANCY, findings, endpoint.toString());
        }
        throw failure("核对平台的答复无法理解 / the platform's answer has no valid outcome and findings", caseNumber, null);
    }

    private HouseholdVerificationException failure(String message, String caseNumber, Throwable cause) {
        return new HouseholdVerificationException(message + " — case " + caseNumber + ", " + endpoint, cause);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(PAUSE.multipliedBy(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
