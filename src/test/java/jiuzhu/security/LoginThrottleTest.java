package jiuzhu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** One address guessing passwords is stopped after the configured number of failures, for the configured window. */
class LoginThrottleTest {

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-29T02:00:00Z"));
    final Clock clock = new Clock() {
        public ZoneId getZone() { return ZoneId.of("Asia/Shanghai"); }
        public Clock withZone(ZoneId zone) { return this; }
        public Instant instant() { return now.get(); }
    };

    @Test
    void anAddressIsBlockedAfterTooManyFailuresUntilTheWindowHasPassed() {
        LoginThrottle throttle = new LoginThrottle(clock, 3, Duration.ofMinutes(10));
        throttle.failed("10.0.0.7");
        throttle.failed("10.0.0.7");
        assertThat(throttle.isBlocked("10.0.0.7")).isFalse();
        throttle.failed("10.0.0.7");
        assertThat(throttle.isBlocked("10.0.0.7")).isTrue();
        assertThat(throttle.isBlocked("10.0.0.8")).as("other addresses are not affected").isFalse();
        now.set(now.get().plus(Duration.ofMinutes(10)).plusSeconds(1));
        assertThat(throttle.isBlocked("10.0.0.7")).isFalse();
    }

    @Test
    void aSuccessfulLoginClearsTheAddressesFailures() {
        LoginThrottle throttle = new LoginThrottle(clock, 2, Duration.ofMinutes(10));
        throttle.failed("10.0.0.7");
        throttle.succeeded("10.0.0.7");
        throttle.failed("10.0.0.7");
        assertThat(throttle.isBlocked("10.0.0.7")).isFalse();
    }

    @Test
    void theLoginRefusesABlockedAddressWithoutEvenCheckingThePassword() {
        IdentityService identity = mock(IdentityService.class);
        GroupQuery groups = mock(GroupQuery.class, org.mockito.Answers.RETURNS_SELF);
        when(identity.createGroupQuery()).thenReturn(groups);
        when(groups.list()).thenReturn(java.util.List.of());
        when(identity.checkPassword("clerk1", "wrong")).thenReturn(false);
        when(identity.checkPassword("clerk1", "demo")).thenReturn(true);
        CamundaIdentityAuthentication login = new CamundaIdentityAuthentication(identity, new LoginThrottle(clock, 2, Duration.ofMinutes(10)));

        assertThatThrownBy(() -> login.authenticate(attempt("clerk1", "wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login.authenticate(attempt("clerk1", "wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login.authenticate(attempt("clerk1", "demo"))).isInstanceOf(LockedException.class)
                .hasMessageContaining("登录尝试过于频繁");
        verify(identity, never()).checkPassword("clerk1", "demo");
    }

    static UsernamePasswordAuthenticationToken attempt(String user, String password) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("192.0.2.10");
        token.setDetails(new WebAuthenticationDetails(request));
        return token;
    }
}
