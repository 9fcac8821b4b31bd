package jiuzhu.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the {@code postgres} profile without its database and first-administrator settings, before
 * anything connects anywhere, so that the operator reads one clear message instead of a connection stack trace.
 */
class RequiredSettings implements EnvironmentPostProcessor {

    static final String PROFILE = "postgres";
    static final List<String> VARIABLES = List.of("JIUZHU_DB_URL", "JIUZHU_DB_USER", "JIUZHU_DB_PASSWORD",
            "JIUZHU_ADMIN_USER", "JIUZHU_ADMIN_PASSWORD", "JIUZHU_DATA_KEY");
    static final int MIN_ADMIN_PASSWORD = 10;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Arrays.asList(environment.getActiveProfiles()).contains(PROFILE)) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (String name : VARIABLES) {
            String value = environment.getProperty(name);
            if (value == null || value.isBlank()) {
                problems.add(name + " 未设置 / is not set");
            }
        }
        String password = environment.getProperty("JIUZHU_ADMIN_PASSWORD");
        if (password != null && !password.isBlank() && password.length() < MIN_ADMIN_PASSWORD) {
            problems.add("JIUZHU_ADMIN_PASSWORD 至少" + MIN_ADMIN_PASSWORD + "个字符 / must have at least "
                    + MIN_ADMIN_PASSWORD + " characters");
        }
        String url = environment.getProperty("JIUZHU_DB_URL");
        if (url != null && !url.isBlank() && !url.startsWith("jdbc:postgresql:")) {
            problems.add("JIUZHU_DB_URL 应以 jdbc:postgresql: 开头 / must start with jdbc:postgresql:");
        }
        String key = environment.getProperty("JIUZHU_DATA_KEY");
        if (key != null && !key.isBlank() && !isBase64Of32Bytes(key)) {
            problems.add("JIUZHU_DATA_KEY 应为32字节的Base64 / must be 32 random bytes in base64 (openssl rand -base64 32)");
        }
        if (!problems.isEmpty()) {
            throw new MissingSettingsException(problems);
        }
    }

    private static boolean isBase64Of32Bytes(String value) {
        try {
            return java.util.Base64.getDecoder().decode(value.strip()).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
