package io.trainflow.plugin.lti;

import io.trainflow.plugin.connect.Connections;
import io.trainflow.workflows.engine.Directory;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The LTI tool's parts, on the application database and the real clock. */
@Configuration
class LtiConfiguration {

    private final Clock clock = Clock.systemUTC();

    @Bean
    LtiPlatforms ltiPlatforms(DataSource dataSource) {
        return new LtiPlatforms(dataSource);
    }

    /** How long a rotated-out tool key stays in /lti/jwks and accepted (README, "Rotating Trainflow's key"). */
    @Bean
    ToolKeys toolKeys(
            DataSource dataSource,
            @org.springframework.beans.factory.annotation.Value("${trainflow.lti.key-grace:PT24H}")
                    java.time.Duration grace) {
        return new ToolKeys(dataSource, clock, grace);
    }

    @Bean
    LaunchStates launchStates(DataSource dataSource) {
        return new LaunchStates(dataSource, clock);
    }

    @Bean
    LaunchValidator launchValidator(LtiPlatforms platforms, LaunchStates states) {
        return new LaunchValidator(platforms, new PlatformKeys(), states, clock);
    }

    @Bean
    LtiAccounts ltiAccounts(DataSource dataSource) {
        return new LtiAccounts(dataSource);
    }

    @Bean
    LtiPeople ltiPeople(Connections connections, Directory directory, LtiAccounts accounts) {
        return new LtiPeople(connections, directory, accounts);
    }

    @Bean
    CourseCampaigns courseCampaigns(
            io.trainflow.workflows.intake.Intake intake,
            LtiPlatforms platforms,
            ToolKeys keys,
            LtiAccounts accounts,
            Connections connections) {
        PlatformCalls calls = new PlatformCalls();
        return new CourseCampaigns(
                intake,
                platforms,
                new NamesAndRoles(new ServiceTokens(keys, calls, clock), calls),
                accounts,
                connections::hcm);
    }

    @Bean
    SessionTokens sessionTokens(ToolKeys keys, LtiPlatforms platforms) {
        return new SessionTokens(keys, clock, platforms::exists);
    }

    @Bean
    LaunchTokenFilter launchTokenFilter(SessionTokens tokens) {
        return new LaunchTokenFilter(tokens);
    }

    @Bean
    RegistrationLinks registrationLinks(DataSource dataSource) {
        return new RegistrationLinks(dataSource, clock);
    }

    @Bean
    DynamicRegistration dynamicRegistration() {
        return new DynamicRegistration();
    }

    @Bean
    CourseWishes courseWishes(io.trainflow.plugin.connect.Connections connections) {
        return new CourseWishes(connections.lms());
    }

    @Bean
    DeepLinks deepLinks(ToolKeys keys) {
        return new DeepLinks(keys, clock);
    }
}
