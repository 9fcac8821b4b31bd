package jiuzhu.intake;

import java.util.List;

import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The benchmarks' door to intake: files a dibao application through the same service the REST API calls (as an
 * administrator, so any service point), without HTTP. Lives beside {@link Intake} because Intake is package-private.
 */
public final class BenchIntake {

    private final Intake intake;
    private final ObjectMapper json;

    public BenchIntake(ApplicationContext context) {
        this.intake = context.getBean(Intake.class);
        this.json = context.getBean(ObjectMapper.class);
    }

    /** Files one application (JSON as {@code POST /api/applications} takes it); returns case number and instance id. */
    public String[] file(String applicationJson, String user) {
        try {
            ApplicationForm form = json.readValue(applicationJson, ApplicationForm.class);
            Intake.Filed filed = intake.file(form, user, List.of(), true, null);
            return new String[] {filed.caseNumber(), filed.processInstanceId()};
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
