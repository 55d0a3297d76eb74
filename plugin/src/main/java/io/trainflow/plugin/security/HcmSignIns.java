package io.trainflow.plugin.security;

import io.trainflow.connectors.hcm.Employee;
import io.trainflow.connectors.hcm.HcmPort;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The people of an external HCM signing in under their HCM username, with the USER role. HTTP Basic
 * authenticates every request, so whether a username is known (or unknown) to the HCM is remembered
 * for {@link #REMEMBER} (at most {@link #MAX_USERS} usernames): a person's requests cost one HCM call
 * per five minutes, not one each, and a person added in the HCM can sign in within five minutes
 * without a restart. The password details are built afresh each time (Spring erases them after use).
 */
final class HcmSignIns implements UserDetailsService {

    static final Duration REMEMBER = Duration.ofMinutes(5);
    static final int MAX_USERS = 10_000;

    private final UserDetailsService sample;
    private final HcmPort hcm;
    private final String encodedPassword;
    private final RecentAnswers<String, Optional<String>> known;

    /** @param sample the sample organisation's people (admins among them), asked first */
    HcmSignIns(UserDetailsService sample, HcmPort hcm, String encodedPassword, Clock clock) {
        this.sample = sample;
        this.hcm = hcm;
        this.encodedPassword = encodedPassword;
        this.known = new RecentAnswers<>(REMEMBER, MAX_USERS, clock);
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        try {
            return sample.loadUserByUsername(username);
        } catch (UsernameNotFoundException notSample) {
            // not one of the sample organisation's: the HCM's
        }
        return known.get(username, u -> hcm.employeeByUsername(u).map(Employee::username))
                .map(u -> User.withUsername(u).password(encodedPassword).roles("USER").build())
                .orElseThrow(() -> new UsernameNotFoundException("no such user in the sample organisation or the HCM"));
    }
}
