package jiuzhu.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import jiuzhu.ledger.Ledger;

/** {@code jiuzhu.verification.mode} selects exactly one implementation, and the http settings bind. */
class VerificationModeTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(VerificationProperties.class)
    @Import({BuiltInHouseholdVerification.class, HttpHouseholdVerification.class})
    static class Wiring {
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Wiring.class)
            .withBean(MemberLookup.class, () -> mock(MemberLookup.class))
            .withBean(HouseholdRecords.class, () -> mock(HouseholdRecords.class))
            .withBean(Ledger.class, () -> mock(Ledger.class))
            .withBean(ObjectMapper.class, ObjectMapper::new);

    @Test
    void builtInIsTheDefault() {
        runner.run(context -> assertThat(context).hasSingleBean(HouseholdVerification.class)
                .getBean(HouseholdVerification.class).isInstanceOf(BuiltInHouseholdVerification.class));
    }

    @Test
    void httpBindsItsSettings() {
        runner.withPropertyValues("jiuzhu.verification.mode=http", "jiuzhu.verification.http.base-url=http://127.0.0.1:9/p",
                "jiuzhu.verification.http.timeout=3s").run(context -> {
                    assertThat(context).hasSingleBean(HouseholdVerification.class)
                            .getBean(HouseholdVerification.class).isInstanceOf(HttpHouseholdVerification.class);
                    VerificationProperties properties = context.getBean(VerificationProperties.class);
                    assertThat(properties.http().timeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(properties.http().retries()).isEqualTo(2);
                });
    }

    @Test
    void httpWithoutABaseUrlDoesNotStart() {
        runner.withPropertyValues("jiuzhu.verification.mode=http", "jiuzhu.verification.http.base-url=")
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("base-url"));
    }
}
