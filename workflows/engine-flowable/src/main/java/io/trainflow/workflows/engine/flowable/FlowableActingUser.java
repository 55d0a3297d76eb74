package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.engine.ActingUser;
import org.flowable.common.engine.impl.identity.Authentication;

/** Flowable records the acting user from a thread-local; this sets it and puts the previous one back. */
public final class FlowableActingUser implements ActingUser {

    @Override
    public Scope as(String user) {
        String previous = Authentication.getAuthenticatedUserId();
        Authentication.setAuthenticatedUserId(user);
        return () -> Authentication.setAuthenticatedUserId(previous);
    }
}
