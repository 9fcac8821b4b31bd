package jiuzhu.household;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jiuzhu.verification.*}: {@code mode} is {@code built-in} (default) or {@code http}; for {@code http} the
 * platform's {@code base-url}, the per-attempt {@code timeout} (default 10s) and the {@code retries} after a failed
 * attempt (default 2; the job's own retries come on top).
 */
@ConfigurationProperties("jiuzhu.verification")
record VerificationProperties(@DefaultValue("built-in") String mode, @DefaultValue Http http) {

    record Http(URI baseUrl, @DefaultValue("10s") Duration timeout, @DefaultValue("2") int retries) {
    }
}
