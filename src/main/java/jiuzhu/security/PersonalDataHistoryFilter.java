package jiuzhu.security;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps personal data out of the engine's history. A start form in Tasklist submits the application as process
 * variables named {@code pii…}; the first service task moves them into Jiuzhu's encrypted tables and removes them.
 * This handler makes sure the engine never writes such variables (or form properties) to its history tables, where
 * full history would otherwise keep them for good. Everything else is recorded as with history level full.
 */
@Component
class PersonalDataHistoryFilter extends AbstractProcessEnginePlugin {

    /** Variables and form fields whose names start with this are personal data, never recorded in history. */
    public static final String PREFIX = "pii";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new Filtering(new DbHistoryEventHandler()));
    }

    static boolean isPersonal(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity variable) {
            return variable.getVariableName() != null && variable.getVariableName().startsWith(PREFIX);
        }
        if (event instanceof HistoricFormPropertyEventEntity property) {
            return property.getPropertyId() != null && property.getPropertyId().startsWith(PREFIX);
        }
        return false;
    }

    private record Filtering(HistoryEventHandler delegate) implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!isPersonal(event)) {
                delegate.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
