package jiuzhu.org;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jiuzhu.security.RoleGroup;

/** Who am I: the signed-in member of staff, their unit(s) and roles, as every client first needs to know. */
@RestController
@RequestMapping("/api/me")
class CurrentStaffController {

    record UnitView(String code, UnitLevel level, String name) {
    }

    record Me(String userId, String name, List<UnitView> units, List<String> roles) {
    }

    private final IdentityService identityService;
    private final OrgRegistry registry;

    CurrentStaffController(IdentityService identityService, OrgRegistry registry) {
        this.identityService = identityService;
        this.registry = registry;
    }

    @GetMapping
    Me me(Principal principal) {
        String userId = principal.getName();
        User user = identityService.createUserQuery().userId(userId).singleResult();
        String name = user == null ? userId : nullToEmpty(user.getLastName()) + nullToEmpty(user.getFirstName());
        List<UnitView> units = registry.unitsOf(userId).stream()
                .map(u -> new UnitView(u.code(), u.level(), u.name())).toList();
        List<String> roles = identityService.createGroupQuery().groupMember(userId)
                .groupIdIn(Arrays.stream(RoleGroup.values()).map(RoleGroup::groupId).toArray(String[]::new)).list().stream().map(Group::getId).sorted().toList();
        return new Me(userId, name, units, roles);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
