package jiuzhu.security;

import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two filter chains. The APIs ({@code /engine-rest}, {@code /api}) are stateless HTTP Basic; everything else is
 * a browser session with form login. Behind Spring's chain, Camunda's container-based filters turn the Spring
 * login into the engine's authentication, so Camunda's authorization checks apply to every request.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();
    private static final String CAMUNDA_LOGOUT = "/camunda/api/admin/auth/user/default/logout";
    /** Camunda's filters run right after Spring's chain, which has already authenticated the request. */
    private static final int CAMUNDA_FILTER_ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 1;
    /** Jiuzhu's own pages: no scripts at all, styles inline only (the login page), nothing framed or framing. */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    /** JSON answers are never rendered as documents. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
    private static final String AUTHENTICATION_PROVIDER = ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM;

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        ProblemEntryPoint entryPoint = new ProblemEntryPoint(objectMapper);
        http.securityMatcher(new OrRequestMatcher(PATHS.matcher("/engine-rest/**"), PATHS.matcher("/api/**"),
                        PATHS.matcher("/actuator/metrics"), PATHS.matcher("/actuator/metrics/**"), PATHS.matcher("/actuator/prometheus")))
                .authorizeHttpRequests(a -> a
                        // Metrics are for managers and monitoring (a manager's account), not for case workers.
                        .requestMatchers(PATHS.matcher("/actuator/metrics"), PATHS.matcher("/actuator/metrics/**"),
                                PATHS.matcher("/actuator/prometheus"))
                        .hasAnyAuthority(group(RoleGroup.MANAGERS), group(RoleGroup.ADMINS))
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(API_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
                // Stateless Basic: no cookie to ride on, so no CSRF token to check.
                .csrf(c -> c.disable());
        return http.build();
    }

    private static String group(RoleGroup role) {
        return CamundaIdentityAuthentication.GROUP_AUTHORITY_PREFIX + role.groupId();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http) throws Exception {
        RequestMatcher camundaApi = PATHS.matcher("/camunda/api/**");
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(PATHS.matcher("/login"), PATHS.matcher("/error"),
                                PATHS.matcher("/actuator/health"), PATHS.matcher("/actuator/health/**"),
                                PATHS.matcher("/favicon.ico")).permitAll()
                        .anyRequest().authenticated())
                // The webapps under /camunda send Camunda's own nonce-based policy; a second one would break them.
                .headers(h -> h.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(PATHS.matcher("/camunda/**")), new ContentSecurityPolicyHeaderWriter(PAGE_POLICY)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/camunda/app/tasklist/", false))
                // The webapps' own "log out" ends the Spring session too, or the user would be signed in again at once.
                .logout(l -> l.logoutRequestMatcher(new OrRequestMatcher(PATHS.matcher(HttpMethod.POST, "/logout"),
                                PATHS.matcher(HttpMethod.POST, CAMUNDA_LOGOUT)))
                        .defaultLogoutSuccessHandlerFor(new HttpStatusReturningLogoutSuccessHandler(), camundaApi))
                // The webapps carry Camunda's own CSRF token (its filter stays on); Spring's would reject their calls.
                .csrf(c -> c.ignoringRequestMatchers(PATHS.matcher("/camunda/**")))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), camundaApi));
        return http.build();
    }

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthenticationFilter() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of(AUTHENTICATION_PROVIDER, ContainerBasedAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(CAMUNDA_FILTER_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setInitParameters(Map.of(AUTHENTICATION_PROVIDER, ContainerBasedAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(CAMUNDA_FILTER_ORDER);
        return registration;
    }
}
