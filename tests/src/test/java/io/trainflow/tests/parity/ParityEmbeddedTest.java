package io.trainflow.tests.parity;

/** The scenarios on the embedded engine on H2, in this JVM. */
class ParityEmbeddedTest extends ParitySuite {

    @Override
    ParityTarget start() {
        return new EmbeddedTarget();
    }
}
