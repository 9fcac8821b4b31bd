package jiuzhu.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jiuzhu.EmbeddedPostgresConfiguration;
import jiuzhu.JiuzhuApplication;

/** The production profile: it refuses to start without its settings, and with them starts clean of demo data. */
@ExtendWith(OutputCaptureExtension.class)
class PostgresProfileTests {

    @Test
    void refusesToStartWithoutItsSettingsAndSaysWhichAreMissing(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(JiuzhuApplication.class)
                .profiles("postgres")
                .properties("JIUZHU_DB_URL=jdbc:postgresql://localhost:1/none", "JIUZHU_DB_USER=jiuzhu",
                        "JIUZHU_DB_PASSWORD=", "JIUZHU_ADMIN_USER=", "JIUZHU_ADMIN_PASSWORD=")
                .run())
                .isInstanceOf(MissingSettingsException.class);
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("JIUZHU_DB_PASSWORD 未设置 / is not set")
                .contains("JIUZHU_ADMIN_USER 未设置 / is not set")
                .contains("JIUZHU_ADMIN_PASSWORD 未设置 / is not set")
                .contains("JIUZHU_DATA_KEY 未设置 / is not set")
                .doesNotContain("JIUZHU_DB_USER 未设置")
                .contains("Set these environment variables");
    }

    @Test
    void refusesAShortAdministratorPasswordAndANonPostgresUrl(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(JiuzhuApplication.class)
                .profiles("postgres")
                .properties("JIUZHU_DB_URL=jdbc:h2:mem:x", "JIUZHU_DB_USER=a", "JIUZHU_DB_PASSWORD=b",
                        "JIUZHU_ADMIN_USER=root", "JIUZHU_ADMIN_PASSWORD=short", "JIUZHU_DATA_KEY=dG9vLXNob3J0")
                .run())
                .isInstanceOf(MissingSettingsException.class);
        assertThat(output.getAll()).contains("JIUZHU_ADMIN_PASSWORD 至少10个字符", "must start with jdbc:postgresql:",
                "JIUZHU_DATA_KEY 应为32字节的Base64");
    }

    @Test
    void startsWithItsSettingsCreatesTheAdministratorAndNoDemoData() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgresConfiguration.start()) {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(JiuzhuApplication.class)
                    .profiles("postgres")
                    .properties("JIUZHU_DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
                            "JIUZHU_DB_USER=postgres", "JIUZHU_DB_PASSWORD=postgres",
                            "JIUZHU_ADMIN_USER=chief", "JIUZHU_ADMIN_PASSWORD=a-long-secret-1",
                            "JIUZHU_DATA_KEY=" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
                            "server.port=0", "camunda.bpm.generate-unique-process-engine-name=true",
                            "camunda.bpm.job-execution.enabled=false")
                    .run();
            try {
                IdentityService identity = context.getBean(IdentityService.class);
                assertThat(identity.checkPassword("chief", "a-long-secret-1")).isTrue();
                assertThat(identity.createUserQuery().userId("chief").memberOfGroup("camunda-admin").count()).isEqualTo(1);
                assertThat(identity.createUserQuery().userIdIn("clerk1", "admin", "manager").count()).isZero();
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("select count(*) from jz_unit where demo = true", Integer.class)).isZero();
                assertThat(jdbc.queryForObject("select count(*) from jz_unit where level = 'COUNTY'", Integer.class)).isEqualTo(11);
                assertThat(context.getEnvironment().getProperty("server.servlet.session.cookie.secure", Boolean.class))
                        .as("the session cookie travels over HTTPS only in production").isTrue();
            } finally {
                context.close();
            }
        }
    }
}
