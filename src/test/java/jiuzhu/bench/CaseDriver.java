package jiuzhu.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

import jiuzhu.intake.BenchIntake;

/**
 * Drives dibao cases through the Java API as staff and the job executor would: files the application, claims and
 * completes each user task with what the form sends, and runs the case's due jobs in the calling thread (the
 * publicity week's timer is run when the case reaches it, as if the week had passed).
 */
final class CaseDriver {

    static final String USER = "benchclerk";
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    private final BenchIntake intake;
    private final TaskService tasks;
    private final ManagementService management;
    private final List<String> villages;
    private final String admin;

    CaseDriver(ApplicationContext context, List<String> villages, String admin) {
        this.intake = new BenchIntake(context);
        ProcessEngine engine = context.getBean(ProcessEngine.class);
        this.tasks = engine.getTaskService();
        this.management = engine.getManagementService();
        this.villages = villages;
        this.admin = admin;
    }

    /** Files case number {@code i} in township {@code i % townships}; returns {case number, process instance id}. */
    String[] file(int i) {
        String village = villages.get(i % villages.size());
        int person = PEOPLE.getAndAdd(2);
        return intake.file(application(village, idNumber(person), idNumber(person + 1)), admin);
    }

    /** Accepts the application and lets verification run: the case then waits for the home visit, its clock running. */
    void accept(String instance) {
        work(instance, "Task_CheckCompleteness", Map.of("completeness", "ACCEPTED", "caseByCase", false));
        runDueJobs(instance);
    }

    /** From acceptance to the grant: home visit, eligibility, publicity, township decision, decision and grant recorded. */
    void decideAndGrant(String instance) {
        work(instance, "Task_HomeVisit", Map.of("visitDate", LocalDate.now().toString(), "visitOfficer1", "李新湖",
                "visitOfficer2", "王协理", "visitFindings", "家庭收入与申报一致", "memberCanWork", false, "irregularIncome", false));
        runDueJobs(instance);
        Job publicity = management.createJobQuery().processInstanceId(instance).activityId("Timer_PublicityEnds").singleResult();
        if (publicity == null) {
            throw new IllegalStateException("case " + instance + " is not in publicity");
        }
        management.executeJob(publicity.getId());
        runDueJobs(instance);
        work(instance, "Task_TownshipDecision", Map.of("townshipDecision", "APPROVED"));
        runDueJobs(instance);
    }

    private void work(String instance, String taskKey, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            throw new IllegalStateException("case " + instance + " has no task " + taskKey);
        }
        tasks.claim(task.getId(), USER);
        tasks.complete(task.getId(), variables);
    }

    private void runDueJobs(String instance) {
        for (int guard = 0; guard < 20; guard++) {
            List<Job> due = management.createJobQuery().processInstanceId(instance).executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                management.executeJob(job.getId());
            }
        }
        throw new IllegalStateException("case " + instance + " keeps making jobs");
    }

    static String application(String village, String applicantId, String spouseId) {
        return """
                {"type":"SUBSISTENCE_ALLOWANCE","servicePointCode":"%s",
                 "household":{"registrationCode":"%s","residence":"URBAN","address":"基准测试路1号","ownsNonEssentialVehicle":false},
                 "members":[
                   {"name":"基准甲","idNumber":"%s","relation":"APPLICANT","canWork":false,"monthlyIncomeFen":30000,"financialAssetsFen":100000},
                   {"name":"基准乙","idNumber":"%s","relation":"SPOUSE","canWork":true,"monthlyIncomeFen":20000,"financialAssetsFen":0}],
                 "nearRelative":{"declared":false}}
                """.formatted(village, village, applicantId, spouseId);
    }

    /** The n-th synthetic resident ID number: valid (GB 11643 check character), unique for n below 600,000. */
    static String idNumber(int n) {
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(n % 20000);
        String body = "371402" + birth.toString().replace("-", "") + String.format("%03d", 100 + n / 20000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
