package jiuzhu.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Jiuzhu's "now" is the engine's: timers fire by ClockUtil's time, so the SLA clock, ledgers and reports read
 * the same time, and a test that moves ClockUtil moves all of them. (ClockUtil is engine-internal API; it is the
 * one such use, kept here so that a move to a compatible fork changes one class.)
 */
@Configuration(proxyBeanMethods = false)
class EngineTimeClock {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZONE;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException("Jiuzhu's clock is Asia/Shanghai");
            }

            @Override
            public Instant instant() {
                return ClockUtil.getCurrentTime().toInstant();
            }
        };
    }
}
