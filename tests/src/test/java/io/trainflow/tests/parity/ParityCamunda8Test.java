package io.trainflow.tests.parity;

/**
 * The scenarios through the Camunda 8 adapter, as far as its contract allows: every start, step, inbox read, decision
 * and message is the adapter's, against the gateway that holds each request to the client's protocol classes; the
 * embedded engine runs the models in the cluster's place ({@link Camunda8Target}).
 */
class ParityCamunda8Test extends ParitySuite {

    @Override
    ParityTarget start() {
        return new Camunda8Target();
    }
}
