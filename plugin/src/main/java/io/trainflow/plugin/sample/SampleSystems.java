package io.trainflow.plugin.sample;

import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.plugin.connect.DemoSystems;
import java.util.function.Supplier;

/** The sample organisation's LMS and HCM as {@link DemoSystems}, read when first used. */
public final class SampleSystems {

    private SampleSystems() {}

    /** The packaged sample, for a command that runs without the server (trainflow check-connections). */
    public static DemoSystems fromClasspath() {
        return of(new Supplier<>() {
            private SampleOrganisation org;

            @Override
            public synchronized SampleOrganisation get() {
                if (org == null) {
                    org = SampleOrganisation.fromClasspath();
                }
                return org;
            }
        });
    }

    static DemoSystems of(Supplier<SampleOrganisation> org) {
        return new DemoSystems() {
            @Override
            public LmsPort lms() {
                return org.get().lms();
            }

            @Override
            public HcmPort hcm() {
                return org.get().hcm();
            }
        };
    }
}
