package io.trainflow.plugin.config;

import io.trainflow.connectors.ai.AiPort;
import io.trainflow.connectors.ai.embedding.BackgroundEmbedder;
import io.trainflow.connectors.ai.privacy.Pseudonymiser;
import io.trainflow.connectors.ai.wiring.AiEngines;
import io.trainflow.connectors.ai.wiring.AiSettings;
import io.trainflow.connectors.catalogue.CatalogueEdits;
import io.trainflow.connectors.catalogue.CatalogueImport;
import io.trainflow.connectors.catalogue.JdbcCatalogue;
import io.trainflow.connectors.delegation.JdbcDelegationStore;
import io.trainflow.connectors.error.PortBusinessException;
import io.trainflow.connectors.error.PortUnavailableException;
import io.trainflow.connectors.groups.JdbcGroups;
import io.trainflow.connectors.outcome.JdbcOutcomeStore;
import io.trainflow.plugin.connect.Connections;
import io.trainflow.plugin.connect.DemoSystems;
import io.trainflow.workflows.StepHandlers;
import io.trainflow.workflows.TrainflowPorts;
import io.trainflow.workflows.connector.rest.RestConnector;
import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.engine.flowable.EngineClock;
import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import io.trainflow.workflows.intake.Intake;
import io.trainflow.workflows.notify.tasks.TaskNotifier;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the LMS and HCM chosen by configuration (the sample organisation's, from {@code plugin.sample}, by default), the real AI engines
 * (offline embeddings; an OpenAI-compatible model when {@code trainflow.ai.base-url} is set), Trainflow's
 * own stores on the application database, and the Flowable engine on the same database.
 */
@Configuration
public class EngineConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EngineConfiguration.class);

    /** In the demo the clock can be moved (time travel) and keeps its move across restarts; elsewhere it is real time. */
    @Bean
    EngineClock engineClock(TrainflowProperties properties, ObjectProvider<EngineClock.Store> demoClock) {
        return properties.connections().demo() ? new EngineClock(demoClock.getObject()) : new EngineClock();
    }

    /**
     * The catalogue, budgets and roles in Trainflow's database; the demo puts the sample's into the empty tables at
     * its first start, production starts empty (health says so) until L&D imports one.
     */
    @Bean
    JdbcCatalogue catalogue(
            DataSource dataSource, EngineClock clock, TrainflowProperties properties, ObjectProvider<DemoSeed> demo) {
        JdbcCatalogue catalogue = new JdbcCatalogue(dataSource, clock);
        if (properties.connections().demo()) {
            demo.getObject().atStart(catalogue);
        }
        return catalogue;
    }

    @Bean
    CatalogueEdits catalogueEdits(DataSource dataSource, EngineClock clock) {
        return new CatalogueEdits(dataSource, clock);
    }

    @Bean
    CatalogueImport catalogueImport(CatalogueEdits edits, JdbcCatalogue catalogue) {
        return new CatalogueImport(edits, catalogue);
    }

    /** Trainflow's groups; after the catalogue, whose demo import brings the sample's groups. */
    @Bean
    JdbcGroups groups(DataSource dataSource, JdbcCatalogue catalogue) {
        return new JdbcGroups(dataSource);
    }

    /** The LMS and HCM chosen by trainflow.lms.type / trainflow.hcm.type, with their connection checks. */
    @Bean(destroyMethod = "close")
    Connections connections(
            TrainflowProperties properties,
            ObjectProvider<DemoSystems> demo,
            DataSource dataSource,
            JdbcCatalogue catalogue) {
        // after the catalogue (the demo's names and shortnames); the health endpoint only reads: the write probes of
        // a test course are check-connections' alone
        return Connections.open(
                properties.connections(),
                demo::getObject,
                name -> Connections.PROBE_COURSE_ENV.equals(name) ? null : System.getenv(name),
                () -> dataSource,
                Clock.systemUTC());
    }

    /**
     * The offline model loads in the background once the server is ready (health "offlineAi" says loading until it
     * is in); a step that ranks before that starts the load and waits for it. Loading it during start-up took a core
     * from the start itself on a two-core machine.
     */
    @Bean
    BackgroundEmbedder offlineModel(AiProperties properties) {
        return BackgroundEmbedder.deferred(properties.settings(System.getenv()).variant());
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> offlineModelAfterStart(BackgroundEmbedder offlineModel) {
        return ready -> offlineModel.begin();
    }

    /**
     * The catalogue is embedded (or read from the vector cache) once, after the model loaded, in the background, not
     * per request (a ranking before that embeds its candidates itself). Closed at shutdown: a model engine stops its
     * Camel context.
     */
    @Bean(destroyMethod = "close")
    AiPort aiPort(
            JdbcCatalogue catalogue,
            Connections connections,
            AiProperties properties,
            BackgroundEmbedder offlineModel,
            OfflineAiHealth health) {
        AiSettings settings = properties.settings(System.getenv());
        // the pseudonymiser's people (every employee the HCM knows) only matter to an external model
        List<Pseudonymiser.Person> people = settings.openAi() == null ? List.of() : people(connections, properties);
        AiPort ai = AiEngines.create(settings, people, offlineModel);
        health.indexing(offlineModel.then(() -> AiEngines.indexCatalogue(ai, connections.lms(), catalogue)));
        return ai;
    }

    /**
     * The people the pseudonymiser replaces before text reaches an external model. An HCM that cannot be read yet
     * (no OAuth consent, or down) must not stop the server with the offline engine, where nothing leaves: the consent
     * is given in the browser at /oauth/callback of this very server. With an external model it still stops, as
     * names must not leak.
     */
    private static List<Pseudonymiser.Person> people(Connections connections, AiProperties properties) {
        try {
            return AiEngines.people(connections.hcm());
        } catch (PortBusinessException | PortUnavailableException e) {
            if (properties.baseUrl() != null && !properties.baseUrl().isBlank()) {
                throw e;
            }
            LOG.warn(
                    "The HCM cannot be read yet, starting anyway (offline AI needs no pseudonyms): {}", e.getMessage());
            return List.of();
        }
    }

    @Bean
    TrainflowPorts trainflowPorts(
            Connections connections,
            DataSource dataSource,
            EngineClock clock,
            AiPort ai,
            AiProperties properties,
            JdbcCatalogue catalogue) {
        JdbcDelegationStore delegations = new JdbcDelegationStore(dataSource);
        // the catalogue (costs, sessions, budgets) stays Trainflow's own whatever the LMS, read afresh on each call
        return new TrainflowPorts(
                connections.lms(),
                connections.hcm(),
                ai,
                catalogue,
                new JdbcOutcomeStore(dataSource),
                delegations,
                clock,
                Path.of(properties.quizExportDir()));
    }

    /** Who is in which group, asked of the database each time: a member added over REST counts at once. */
    @Bean
    Directory directory(JdbcGroups groups) {
        return new Directory() {
            @Override
            public Set<String> groupsOf(String username) {
                return groups.groupsOf(username);
            }

            @Override
            public Optional<Set<String>> membersOf(String group) {
                return Optional.of(groups.members(group));
            }
        };
    }

    /** Requests, campaigns and quizzes start on the embedded engine; {@link Camunda8Ports} has its own in camunda8 mode. */
    @Bean
    @ConditionalOnProperty(name = "trainflow.engine", havingValue = "flowable", matchIfMissing = true)
    Intake intake(TrainflowEngine engine, TrainflowPorts ports, Directory directory) {
        return new Intake(engine.processStarter(), engine.openRequests(), ports.hcm(), ports.catalogue(), directory);
    }

    /** Camunda's REST connector ({@code io.camunda:http-json:1}); its {@code {{secrets.NAME}}} come from the environment. */
    @Bean(destroyMethod = "close")
    RestConnector restConnector() {
        return RestConnector.start();
    }

    @Bean(destroyMethod = "close")
    TrainflowEngine trainflowEngine(
            DataSource dataSource,
            TrainflowPorts ports,
            RestConnector rest,
            Directory directory,
            EngineClock clock,
            TrainflowProperties properties,
            NodeProperties node,
            TaskNotifier taskNotifier,
            io.trainflow.plugin.cluster.LockProperties locks,
            @Value("${trainflow.limits.background-connections:3}") int backgroundConnections) {
        // nodes starting together on one PostgreSQL create the engine's tables one after the other
        return io.trainflow.connectors.jdbc.StartupLock.around(
                dataSource,
                "engine-schema",
                () -> TrainflowEngine.builder()
                        .nodeId(node.id())
                        .stopGrace(node.stopGrace())
                        .locks(locks.times())
                        .dataSource(dataSource)
                        .handlers(new HandlerRegistry(rest.with(StepHandlers.all(ports))))
                        .directory(directory)
                        // new and escalated tasks go into the notification outbox in their own transaction
                        .taskNotifier(taskNotifier)
                        .clock(clock)
                        .workerThreads(properties.workerThreads())
                        .unassignedTaskGroup(properties.unassignedTaskGroup())
                        // a whole-company campaign never takes the connections people's API calls need
                        .backgroundConnections(backgroundConnections)
                        .background(true)
                        .build());
    }
}
