package io.trainflow.tests.orangehrm;

import io.trainflow.tests.SampleLifecycle;

/** The sample lifecycle with OrangeHRM (WireMock replaying the recorded 5.7 answers) behind the HCM port. */
public final class OrangeHrmBackedLifecycle implements AutoCloseable {

    public final SmallOrangeHrm orangeHrm = SmallOrangeHrm.start();
    public final SampleLifecycle life = SampleLifecycle.startWith(orangeHrm::replacingSampleHcm);

    @Override
    public void close() {
        life.close();
        orangeHrm.close();
    }
}
