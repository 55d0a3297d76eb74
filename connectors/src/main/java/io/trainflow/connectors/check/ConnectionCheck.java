package io.trainflow.connectors.check;

import java.util.List;

/**
 * A connector that can test its own connection: each call made, named, with what went wrong.
 * Never throws for a failed check; a finding says it.
 */
public interface ConnectionCheck {

    List<ConnectionFinding> check();
}
