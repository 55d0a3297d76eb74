package io.trainflow.connectors.ai.wiring;

import io.trainflow.connectors.ai.AiPort;
import io.trainflow.connectors.ai.CourseCandidate;
import io.trainflow.connectors.ai.embedding.FileEmbeddingCache;
import io.trainflow.connectors.ai.embedding.MiniLmEmbedder;
import io.trainflow.connectors.ai.embedding.TextEmbedder;
import io.trainflow.connectors.ai.offline.OfflineAi;
import io.trainflow.connectors.ai.openai.ChatClient;
import io.trainflow.connectors.ai.openai.ModelAi;
import io.trainflow.connectors.ai.privacy.DataClassification;
import io.trainflow.connectors.ai.privacy.Pseudonymiser;
import io.trainflow.connectors.catalogue.CataloguePort;
import io.trainflow.connectors.catalogue.CourseOffering;
import io.trainflow.connectors.hcm.Department;
import io.trainflow.connectors.hcm.Employee;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.connectors.lms.LmsPort;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the AI port from settings: always the offline engine; the OpenAI-compatible one on top of it
 * when an endpoint is configured. The app passes the people the pseudonymiser must recognise (the HCM's
 * employees) and indexes the catalogue on the returned engine's {@link OfflineAi}.
 */
public final class AiEngines {

    private static final Logger LOG = LoggerFactory.getLogger(AiEngines.class);

    private AiEngines() {}

    public static AiPort create(AiSettings settings, List<Pseudonymiser.Person> people) {
        return create(settings, people, MiniLmEmbedder.shared(settings.variant()));
    }

    /** The same over {@code embedder}, e.g. a {@link io.trainflow.connectors.ai.embedding.BackgroundEmbedder}. */
    public static AiPort create(AiSettings settings, List<Pseudonymiser.Person> people, TextEmbedder embedder) {
        OfflineAi offline = new OfflineAi(
                embedder,
                new FileEmbeddingCache(settings.cacheDirectory()),
                settings.similarityFloor(),
                Clock.systemUTC());
        if (settings.openAi() == null) {
            LOG.info("AI: offline engine {} only", offline.engine());
            return offline;
        }
        LOG.info("AI: {} with offline fallback {}", settings.openAi(), offline.engine());
        return new ModelAi(
                settings.openAi(),
                new ChatClient(settings.openAi()),
                offline,
                Pseudonymiser.of(settings.pseudonymSecret(), people),
                DataClassification.defaults().with(settings.classification()),
                Clock.systemUTC());
    }

    /** The offline engine behind any port this class built. */
    public static OfflineAi offline(AiPort port) {
        return port instanceof ModelAi model ? model.offline() : (OfflineAi) port;
    }

    /**
     * Indexes the catalogue as RankLearningPathHandler sees it (LMS courses Trainflow offers, with their
     * tags); call at start-up and when the catalogue changes. Returns the catalogue version.
     */
    public static String indexCatalogue(AiPort port, LmsPort lms, CataloguePort catalogue) {
        Map<String, CourseOffering> offerings = catalogue.offerings().stream()
                .collect(Collectors.toMap(CourseOffering::courseId, Function.identity(), (a, b) -> a));
        List<CourseCandidate> candidates = lms.courses().stream()
                .filter(c -> offerings.containsKey(c.id()))
                .map(c -> new CourseCandidate(
                        c.id(), c.fullname(), c.summary(), offerings.get(c.id()).tags()))
                .toList();
        return offline(port).indexCatalogue(candidates);
    }

    /** Everyone the HCM knows, as the pseudonymiser must recognise them (all departments, each person once). */
    public static List<Pseudonymiser.Person> people(HcmPort hcm) {
        Map<String, Pseudonymiser.Person> people = new LinkedHashMap<>();
        for (Department d : hcm.departments()) {
            for (Employee e : hcm.employees(d.id())) {
                people.putIfAbsent(e.employeeId(), Pseudonymiser.Person.of(e));
            }
        }
        return List.copyOf(people.values());
    }
}
