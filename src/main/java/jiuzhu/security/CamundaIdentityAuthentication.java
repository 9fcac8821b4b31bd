package jiuzhu.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks passwords against Camunda's identity service, so that staff have one account for Tasklist, Cockpit,
 * the REST API and Jiuzhu's own API. The user's Camunda groups become authorities ({@code GROUP_t371402001}).
 */
@Component
class CamundaIdentityAuthentication implements AuthenticationProvider {

    static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

    private final IdentityService identityService;
    private final LoginThrottle throttle;

    CamundaIdentityAuthentication(IdentityService identityService, LoginThrottle throttle) {
        this.identityService = identityService;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        if (throttle.isBlocked(address)) {
            throw new LockedException("登录尝试过于频繁，请稍后再试 / Too many failed logins from this address: try again later");
        }
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || user.isBlank() || credentials == null
                || !identityService.checkPassword(user, credentials.toString())) {
            throttle.failed(address);
            throw new BadCredentialsException("用户名或密码错误 / Wrong user name or password");
        }
        throttle.succeeded(address);
        List<GrantedAuthority> authorities = identityService.createGroupQuery().groupMember(user).list().stream()
                .<GrantedAuthority>map(g -> new SimpleGrantedAuthority(GROUP_AUTHORITY_PREFIX + g.getId()))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
