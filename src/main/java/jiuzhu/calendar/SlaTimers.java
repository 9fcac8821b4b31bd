package jiuzhu.calendar;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Keeps a case's SLA timer jobs on the clock's dates, so that Cockpit and the job executor always show the true
 * deadline. Every assistance process names its timers {@value #WARNING} and {@value #BREACH}; timers in called
 * processes of the same case are found through the root process instance.
 */
@Component
class SlaTimers {

    static final String WARNING = "Timer_SlaWarning";
    static final String BREACH = "Timer_SlaBreached";

    private final ManagementService managementService;

    SlaTimers(ManagementService managementService) {
        this.managementService = managementService;
    }

    void move(String processInstanceId, Date warningAt, Date deadlineAt) {
        jobs(processInstanceId, WARNING).forEach(j -> managementService.setJobDuedate(j.getId(), warningAt));
        jobs(processInstanceId, BREACH).forEach(j -> managementService.setJobDuedate(j.getId(), deadlineAt));
    }

    void suspend(String processInstanceId) {
        all(processInstanceId).stream().filter(j -> !j.isSuspended()).forEach(j -> managementService.suspendJobById(j.getId()));
    }

    void activate(String processInstanceId) {
        all(processInstanceId).stream().filter(Job::isSuspended).forEach(j -> managementService.activateJobById(j.getId()));
    }

    private List<Job> all(String processInstanceId) {
        List<Job> jobs = new java.util.ArrayList<>(jobs(processInstanceId, WARNING));
        jobs.addAll(jobs(processInstanceId, BREACH));
        return jobs;
    }

    private List<Job> jobs(String processInstanceId, String activityId) {
        if (processInstanceId == null) {
            return List.of();
        }
        return managementService.createJobQuery().rootProcessInstanceId(processInstanceId).timers()
                .activityId(activityId).list();
    }
}
