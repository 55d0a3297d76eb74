package io.trainflow.connectors.lms;

import io.trainflow.connectors.error.PortBusinessException;

/** The LMS refused an enrolment for a reason retrying will not fix (e.g. an unknown course). */
public class EnrolmentRefusedException extends PortBusinessException {

    public EnrolmentRefusedException(String message) {
        super("LMS", "enrolmentrefused", Kind.REFUSED, message);
    }

    @Override
    public String bpmnErrorCode() {
        return "ENROLMENT_REFUSED";
    }
}
