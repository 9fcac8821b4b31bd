package jiuzhu.org;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import jiuzhu.security.RoleGroup;
import jiuzhu.system.StartupLock;

/**
 * The demo staff of the default profile, all with the password {@code demo}: one of each kind of user, placed
 * so that the interesting boundaries exist (two townships of one county, a village of the first township).
 * Never created where {@code jiuzhu.demo.users} is false, as in the postgres profile.
 */
@Component
@Order(DemoStaff.ORDER)
@ConditionalOnProperty(name = "jiuzhu.demo.users", havingValue = "true")
class DemoStaff implements ApplicationRunner {

    static final int ORDER = 20;
    static final String PASSWORD = "demo";

    record Person(String id, String lastName, String firstName, RoleGroup role, String unitGroup, String... moreGroups) {
    }

    static final List<Person> PEOPLE = List.of(
            new Person("admin", "系统", "管理员", RoleGroup.ADMINS, null),
            new Person("owner", "流程", "负责人", RoleGroup.OWNERS, null),
            new Person("manager", "王", "主任", RoleGroup.MANAGERS, "m371400"),
            new Person("clerk1", "李", "新湖经办", RoleGroup.CLERKS, "t371402001"),
            new Person("clerk2", "赵", "新华经办", RoleGroup.CLERKS, "t371402002"),
            new Person("head1", "孙", "新湖负责人", RoleGroup.HEADS, "t371402001", "h371402001"),
            new Person("county1", "刘", "德城区审核", RoleGroup.COUNTY_OFFICERS, "c371402"),
            new Person("assistant1", "张", "新湖一社区协理员", RoleGroup.ASSISTANTS, "v371402001001"));

    private final IdentityService identityService;
    private final StartupLock startupLock;

    DemoStaff(IdentityService identityService, StartupLock startupLock) {
        this.startupLock = startupLock;
        this.identityService = identityService;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupLock.runExclusively(this::seed);
    }

    private void seed() {
        for (Person p : PEOPLE) {
            if (identityService.createUserQuery().userId(p.id()).count() == 0) {
                User user = identityService.newUser(p.id());
                user.setLastName(p.lastName());
                user.setFirstName(p.firstName());
                user.setEmail(p.id() + "@demo.jiuzhu.invalid");
                user.setPassword(PASSWORD);
                identityService.saveUser(user);
            }
            join(p.id(), p.role().groupId());
            if (p.unitGroup() != null) {
                join(p.id(), p.unitGroup());
            }
            for (String group : p.moreGroups()) {
                join(p.id(), group);
            }
        }
    }

    private void join(String userId, String groupId) {
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            throw new IllegalStateException("示例用户所属单位不存在 / demo user's unit group missing: " + groupId
                    + " (is the demo registry loaded? jiuzhu.org.include-demo-units)");
        }
        if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(userId, groupId);
        }
    }
}
