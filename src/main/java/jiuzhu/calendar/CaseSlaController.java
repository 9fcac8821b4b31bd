package jiuzhu.calendar;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import jiuzhu.security.CaseAccess;
import jiuzhu.system.ApiException;

/** The SLA clock of one case, for those who may see the case; for anyone else the case does not exist. */
@RestController
class CaseSlaController {

    private final SlaClock clock;
    private final CaseAccess access;

    CaseSlaController(SlaClock clock, CaseAccess access) {
        this.clock = clock;
        this.access = access;
    }

    /** Also under /cockpit-api for the Cockpit plugin's process-instance tab, which runs in the browser session. */
    @GetMapping({"/api/cases/{caseNumber}/sla", "/cockpit-api/cases/{caseNumber}/sla"})
    SlaClock.View sla(@PathVariable String caseNumber, Authentication user) {
        return clock.view(caseNumber)
                .filter(view -> access.maySee(user, view.unitCode()))
                .orElseThrow(() -> ApiException.notFound("案件 " + caseNumber, "case " + caseNumber));
    }
}
