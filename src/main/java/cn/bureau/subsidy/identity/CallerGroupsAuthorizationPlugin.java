package cn.bureau.subsidy.identity;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Checks the engine's authorizations against the caller's own groups. Before each command that checks an
 * authorization, Camunda reads every group that holds any authorization ({@code SELECT DISTINCT GROUP_ID_ FROM
 * ACT_RU_AUTHORIZATION}) to leave out of its checks the caller's groups that hold none. Each open task gives its
 * candidate group an authorization row, so that read scans a row per open task: with 100,000 open cases, every
 * officer's click and every filing read 100,000 rows. A group that holds no authorization matches no row of the check
 * anyway, so checking the caller's few groups as they are decides the same. Camunda's own issue #5485 describes the
 * read; CIB seven added a threshold for the same purpose.
 */
@Component
@ConditionalOnProperty(name = "subsidy.engine.caller-groups-authorization", havingValue = "true", matchIfMissing = true)
class CallerGroupsAuthorizationPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new CallerGroupsAuthorizationManager();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /** The engine's authorization manager, checking the caller's groups without reading every authorized group first. */
    static final class CallerGroupsAuthorizationManager extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            // A list of its own, as the engine's: MyBatis reads it reflectively.
            return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
        }
    }
}
