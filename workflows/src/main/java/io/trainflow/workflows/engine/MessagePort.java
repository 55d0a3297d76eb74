package io.trainflow.workflows.engine;

import java.util.Map;

/**
 * Tells the processes waiting now for a message (name and correlation key) that it happened, e.g. the HCM sync's
 * {@code manager-changed} for an employee's open approvals. Only the instances waiting at this moment receive it: a
 * change the HCM made before an approval started is not that approval's concern.
 */
public interface MessagePort {

    /**
     * @return how many waiting events received it, as far as the engine can tell (an external engine: 1 when it took
     *     the message, whoever waits for it)
     */
    int correlate(String name, String correlationKey, Map<String, Object> variables);
}
