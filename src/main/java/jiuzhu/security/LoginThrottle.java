package jiuzhu.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Throttles password guessing from one address: after {@code maxFailures} failed logins within {@code window}, that
 * address may not try again until the window has passed. Camunda already delays and finally locks a user after
 * failures; this covers one address trying many users. Per node, in memory: enough to slow a guesser down.
 */
@Component
class LoginThrottle {

    static final int MAX_ADDRESSES = 10_000;

    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock, @Value("${jiuzhu.login.max-failures-per-address:20}") int maxFailures,
            @Value("${jiuzhu.login.failure-window:PT10M}") Duration window) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    boolean isBlocked(String address) {
        Deque<Instant> recent = failures.get(key(address));
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            prune(recent);
            return recent.size() >= maxFailures;
        }
    }

    void failed(String address) {
        if (failures.size() >= MAX_ADDRESSES) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue());
                    return e.getValue().isEmpty();
                }
            });
        }
        Deque<Instant> recent = failures.computeIfAbsent(key(address), a -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent);
            if (recent.size() < maxFailures * 2) {
                recent.addLast(clock.instant());
            }
        }
    }

    void succeeded(String address) {
        failures.remove(key(address));
    }

    private void prune(Deque<Instant> recent) {
        Instant since = clock.instant().minus(window);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(since)) {
            recent.pollFirst();
        }
    }

    private static String key(String address) {
        return address == null ? "unknown" : address;
    }
}
