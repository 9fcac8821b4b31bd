package jiuzhu.security;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

import jiuzhu.org.OrgRegistry;

/**
 * Who may see a case: staff of the case's unit or of a unit above it (the township's county, the city), and
 * administrators. Everyone else is told the case does not exist (404), so that its existence is not disclosed.
 */
@Service
public class CaseAccess {

    private final OrgRegistry registry;

    CaseAccess(OrgRegistry registry) {
        this.registry = registry;
    }

    public boolean maySee(Authentication user, String caseUnitCode) {
        if (user == null || caseUnitCode == null) {
            return false;
        }
        if (isAdmin(user)) {
            return true;
        }
        return registry.unitsOf(user.getName()).stream().anyMatch(u -> registry.isWithin(caseUnitCode, u.code()));
    }

    public boolean isAdmin(Authentication user) {
        return user != null && user.getAuthorities().stream().anyMatch(a -> a.getAuthority()
                .equals(CamundaIdentityAuthentication.GROUP_AUTHORITY_PREFIX + RoleGroup.ADMINS.groupId()));
    }
}
