package io.trainflow.plugin.security;

import java.util.List;
import org.springframework.security.core.userdetails.UserDetails;

/** The sample organisation's people, who sign in with the demo password; provided by {@code plugin.sample}. */
public interface DemoPeople {

    /** Everyone with the (encoded) demo password, admins and auditors with their roles. */
    List<UserDetails> withPassword(String encodedPassword);
}
