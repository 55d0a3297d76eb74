package io.trainflow.workflows.connector.rest;

import io.trainflow.connectors.error.PortBusinessException;

/** The task's inputs cannot make a request (no url, an unknown method): an incident at once, never retried. */
final class BadConnectorInput extends PortBusinessException {

    BadConnectorInput(String message) {
        super("REST connector", "input", Kind.CONFIGURATION, message);
    }
}
