package jiuzhu.security;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;

/**
 * Camunda's tenant check, refusing with an {@link AuthorizationException} instead of a plain engine exception: a
 * clerk who asks the REST API or a webapp for a task of another township gets 403 (forbidden), as for every other
 * missing permission, not 500 (server error). Only the refusal of the tenant check itself (Camunda's log code
 * {@code ENGINE-13034}) is translated; anything else passes unchanged.
 */
final class TenantDenialAsForbidden implements InvocationHandler {

    static final String UNAUTHORIZED_TENANT = "ENGINE-13034";

    private final CommandChecker delegate = new TenantCommandChecker();

    static CommandChecker create() {
        return (CommandChecker) Proxy.newProxyInstance(CommandChecker.class.getClassLoader(),
                new Class<?>[] {CommandChecker.class}, new TenantDenialAsForbidden());
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ProcessEngineException refused && !(cause instanceof AuthorizationException)
                    && refused.getMessage() != null && refused.getMessage().startsWith(UNAUTHORIZED_TENANT)) {
                AuthorizationException forbidden = new AuthorizationException(
                        "无权访问其他乡镇的案件 / not authorized for a case of another township: " + refused.getMessage());
                forbidden.initCause(refused);
                throw forbidden;
            }
            throw cause;
        }
    }
}
