package io.trainflow.plugin.sample;

import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.plugin.security.DemoPeople;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/** Every employee and group member of the sample organisation; its admins and auditors with those roles. */
public final class SamplePeople implements DemoPeople {

    private final Supplier<SampleOrganisation> org;

    public SamplePeople(Supplier<SampleOrganisation> org) {
        this.org = org;
    }

    @Override
    public List<UserDetails> withPassword(String encodedPassword) {
        SampleOrganisation sample = org.get();
        Set<String> usernames = new LinkedHashSet<>();
        sample.hcm()
                .departments()
                .forEach(d -> sample.hcm().employees(d.id()).forEach(e -> usernames.add(e.username())));
        sample.groups().values().forEach(usernames::addAll);
        List<UserDetails> people = new ArrayList<>();
        for (String username : usernames) {
            List<String> roles = new ArrayList<>(List.of("USER"));
            if (sample.members("admins").contains(username)) {
                roles.add("ADMIN");
            }
            if (sample.members("auditors").contains(username)) {
                roles.add("AUDITOR");
            }
            people.add(User.withUsername(username)
                    .password(encodedPassword)
                    .roles(roles.toArray(String[]::new))
                    .build());
        }
        return people;
    }
}
