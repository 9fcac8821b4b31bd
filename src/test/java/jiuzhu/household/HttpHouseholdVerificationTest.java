package jiuzhu.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP verification against a local server on 127.0.0.1 (no other network): an answer is taken as given; a
 * timeout, a 5xx after its retries, a 4xx or an unreadable answer throws, never a pass.
 */
class HttpHouseholdVerificationTest {

    static final String HASH_A = "a".repeat(64);
    static final String HASH_B = "b".repeat(64);

    HttpServer server;
    final AtomicReference<HttpHandler> behaviour = new AtomicReference<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    HttpHouseholdVerification verification;
    final List<CountDownLatch> held = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/platform/verifications", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            behaviour.get().handle(exchange);
        });
        // One thread per request: a slow answer must not hold the retry back in the server's queue.
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        MemberLookup lookup = mock(MemberLookup.class);
        when(lookup.hashes(7L)).thenReturn(List.of(HASH_A, HASH_B));
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/platform");
        verification = new HttpHouseholdVerification(new VerificationProperties("http",
                new VerificationProperties.Http(base, Duration.ofMillis(500), 1)), lookup, new ObjectMapper());
    }

    @AfterEach
    void stop() {
        held.forEach(CountDownLatch::countDown);
        server.stop(0);
    }

    static HttpHandler answer(int status, String body) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        };
    }

    @Test
    void aConfirmationIsTakenAndTheRequestCarriesHashesNotIdNumbers() {
        behaviour.set(answer(200, "{\"outcome\":\"CONFIRMED\",\"findings\":\"收入、财产核对一致\"}"));

        VerificationResult result = verification.verify(7, "DB-2026-000001", "subsistence-allowance");

        assertThat(result.outcome()).isEqualTo(VerificationResult.Outcome.CONFIRMED);
        assertThat(result.findings()).isEqualTo("收入、财产核对一致");
        assertThat(result.source()).endsWith("/platform/verifications");
        assertThat(requests).singleElement().satisfies(body -> {
            assertThat(body).contains("\"householdId\":7", "\"caseNumber\":\"DB-2026-000001\"", HASH_A, HASH_B);
            assertThat(body).doesNotContainPattern("\\d{17}[\\dX]");
        });
    }

    @Test
    void aDiscrepancyComesWithItsFindings() {
        behaviour.set(answer(200, "{\"outcome\":\"DISCREPANCY\",\"findings\":\"成员名下有车辆一辆\"}"));

        VerificationResult result = verification.verify(7, "DB-2026-000001", "subsistence-allowance");

        assertThat(result.outcome()).isEqualTo(VerificationResult.Outcome.DISCREPANCY);
        assertThat(result.findings()).isEqualTo("成员名下有车辆一辆");
    }

    @Test
    void aTimeoutThrowsAfterTheRetries() {
        // The platform holds every answer until the test is over: the client's 500 ms timeout must give up first.
        CountDownLatch release = new CountDownLatch(1);
        held.add(release);
        behaviour.set(exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(200, "{\"outcome\":\"CONFIRMED\"}").handle(exchange);
        });

        assertThatThrownBy(() -> verification.verify(7, "DB-2026-000001", "subsistence-allowance"))
                .isInstanceOf(HouseholdVerificationException.class).hasMessageContaining("did not answer")
                .hasMessageContaining("DB-2026-000001");
        assertThat(requests).hasSize(2);
    }

    @Test
    void aServerErrorThrowsAfterTheRetries() {
        behaviour.set(answer(500, "{\"error\":\"down\"}"));

        assertThatThrownBy(() -> verification.verify(7, "DB-2026-000001", "subsistence-allowance"))
                .isInstanceOf(HouseholdVerificationException.class).hasMessageContaining("HTTP 500");
        assertThat(requests).hasSize(2);
    }

    @Test
    void aRefusedRequestThrowsAtOnce() {
        behaviour.set(answer(400, "{}"));

        assertThatThrownBy(() -> verification.verify(7, "DB-2026-000001", "subsistence-allowance"))
                .isInstanceOf(HouseholdVerificationException.class).hasMessageContaining("HTTP 400");
        assertThat(requests).hasSize(1);
    }

    @Test
    void garbageThrows() {
        behaviour.set(answer(200, "<html>maintenance</html>"));
        assertThatThrownBy(() -> verification.verify(7, "DB-2026-000001", "subsistence-allowance"))
                .isInstanceOf(HouseholdVerificationException.class).hasMessageContaining("not JSON");
    }

    @Test
    void anAnswerWithoutAValidOutcomeThrows() {
        for (String body : List.of("{}", "{\"outcome\":\"OK\"}", "{\"outcome\":\"DISCREPANCY\"}", "[]", "null")) {
            behaviour.set(answer(200, body));
            assertThatThrownBy(() -> verification.verify(7, "DB-2026-000001", "subsistence-allowance")).as(body)
                    .isInstanceOf(HouseholdVerificationException.class).hasMessageContaining("no valid outcome");
        }
    }

    @Test
    void anUnreachablePlatformThrows() {
        server.stop(0);
        assertThatThrownBy(() -> verification.verify(7, "DB-2026-000001", "subsistence-allowance"))
                .isInstanceOf(HouseholdVerificationException.class);
    }

    @Test
    void theHttpModeNeedsABaseUrl() {
        assertThatThrownBy(() -> new HttpHouseholdVerification(new VerificationProperties("http",
                new VerificationProperties.Http(null, Duration.ofSeconds(1), 0)), mock(MemberLookup.class),
                new ObjectMapper())).hasMessageContaining("base-url");
    }
}
