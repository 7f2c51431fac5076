package fr.relais.hub.meetings;

import fr.relais.hub.support.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.relais.hub.RelaisApplication;
import fr.relais.hub.infra.mongo.EmbeddedMongoServer;
import fr.relais.hub.support.Api;
import fr.relais.hub.support.LiveClient;
import fr.relais.hub.support.World;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import tools.jackson.databind.JsonNode;

/**
 * Two hub nodes on one shared store (an embedded MongoDB-wire server started here, reached by both
 * through {@code relais.mongo.uri}), with one controllable clock. Both sweep at the same moments,
 * concurrently: each reminder, and each "meeting started / ended", happens exactly once.
 */
class MeetingReminderTwoNodesTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    static EmbeddedMongoServer storage;
    static Path dataDirs;
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() throws IOException {
        storage = EmbeddedMongoServer.inMemory();
        dataDirs = Files.createTempDirectory("relais-two-nodes");
        nodeA = node("a");
        nodeB = node("b");
    }

    @AfterAll
    static void stop() {
        if (nodeB != null) nodeB.close();
        if (nodeA != null) nodeA.close();
        if (storage != null) storage.close();
    }

    static ConfigurableApplicationContext node(String name) {
        Map<String, Object> props = new HashMap<>();
        props.put("relais.mongo.uri", storage.connectionString() + "/relais");
        props.put("relais.mongo.data-dir", dataDirs.resolve(name).toString());
        props.put("server.port", "0");
        props.put("relais.security.admin-password", World.ADMIN_PASSWORD);
        props.put("relais.limits.sends-per-second", "50");
        props.put("relais.limits.sends-burst", "100");
        props.put("relais.meetings.reminder-offsets", "PT2H,PT15M");
        props.put("relais.meetings.sweep-every", "PT1H"); // the test sweeps by hand
        props.put("spring.main.banner-mode", "off");
        // as arguments: they must win over application.yml (builder "properties" are only defaults)
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(RelaisApplication.class)
                .web(WebApplicationType.SERVLET)
                .initializers(ctx -> {
                    GenericApplicationContext context = (GenericApplicationContext) ctx;
                    context.registerBean("testClock", Clock.class, () -> CLOCK, bd -> bd.setPrimary(true));
                    context.getBeanFactory().registerSingleton("skipTestClasses", new SkipTestClasses());
                })
                .run(args);
    }

    /** Keeps test configurations of other test classes out of these plain (non-test) contexts. */
    static final class SkipTestClasses extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            String name = reader.getClassMetadata().getClassName();
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName())
                    || name.matches(".*Tests?(\\$.*)?$") || name.matches(".*IT(\\$.*)?$");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SkipTestClasses;
        }

        @Override
        public int hashCode() {
            return SkipTestClasses.class.hashCode();
        }
    }

    static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    /** Both nodes sweep at the same instant, three times; returns the reports. */
    static List<MeetingSweep.Report> sweepConcurrently() throws Exception {
        List<MeetingSweep.Report> reports = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<MeetingSweep.Report>> runs = new ArrayList<>();
                for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
                    MeetingSweep sweep = node.getBean(MeetingSweep.class);
                    runs.add(pool.submit(() -> {
                        go.await();
                        return sweep.sweep();
                    }));
                }
                go.countDown();
                for (Future<MeetingSweep.Report> run : runs) reports.add(run.get());
            }
        } finally {
            pool.shutdownNow();
        }
        return reports;
    }

    @Test
    void each_reminder_and_each_live_change_happens_once_with_two_nodes_sweeping_together() throws Exception {
        World world = World.on(port(nodeA));
        Api onA = world.api;
        Api onB = new Api(port(nodeB));
        String title = "Coordination Finistère " + System.nanoTime();
        LocalDateTime start = LocalDateTime.ofInstant(CLOCK.instant(), PARIS).plusHours(3).truncatedTo(ChronoUnit.MINUTES);
        Instant startsAt = start.atZone(PARIS).toInstant();

        try (LiveClient brunoA = LiveClient.connect(onA.ws(), world.token("bruno")).subscribe("/topic/live.fed-29");
             LiveClient brunoB = LiveClient.connect(onB.ws(), world.token("bruno")).subscribe("/topic/live.fed-29")) {
            Api.Response created = onB.post("/api/v1/meetings", world.token("alice"), Map.of("title", title,
                    "start", start.toString(), "durationMinutes", 60, "invitees", Map.of("federations", List.of("29")),
                    "channelId", "fed-29"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("id").asString();

            // Nothing is due yet.
            assertThat(sweepConcurrently()).allSatisfy(r -> assertThat(r.reminders()).isZero());

            CLOCK.set(startsAt.minus(Duration.ofHours(2)).plusSeconds(20));
            assertThat(sweepConcurrently().stream().mapToInt(MeetingSweep.Report::reminders).sum()).isEqualTo(1);
            assertThat(reminders(onA, world, title)).hasSize(1);
            awaitExactlyOnce(brunoA, brunoB, "/user/queue/events", e -> "meeting.reminder".equals(e.path("type").asString())
                    && id.equals(e.path("meetingId").asString()) && e.path("minutesBefore").asLong() == 120);

            CLOCK.set(startsAt.minus(Duration.ofMinutes(15)).plusSeconds(20));
            assertThat(sweepConcurrently().stream().mapToInt(MeetingSweep.Report::reminders).sum()).isEqualTo(1);
            List<JsonNode> both = reminders(onB, world, title);
            assertThat(both).hasSize(2);
            assertThat(both.get(0).get("text").asString()).contains("dans 2 h");
            assertThat(both.get(1).get("text").asString()).contains("dans 15 min");
            awaitExactlyOnce(brunoA, brunoB, "/user/queue/events", e -> "meeting.reminder".equals(e.path("type").asString())
                    && id.equals(e.path("meetingId").asString()) && e.path("minutesBefore").asLong() == 15);

            CLOCK.set(startsAt.plusSeconds(60));
            List<MeetingSweep.Report> atStart = sweepConcurrently();
            assertThat(atStart.stream().mapToInt(MeetingSweep.Report::started).sum()).isEqualTo(1);
            assertThat(atStart.stream().mapToInt(MeetingSweep.Report::reminders).sum()).isZero();
            awaitExactlyOnce(brunoA, brunoB, "/topic/live.fed-29", e -> "meeting.started".equals(e.path("type").asString())
                    && id.equals(e.path("meetingId").asString()));
            JsonNode now = onB.get("/api/v1/meetings/now", world.token("bruno")).json();
            assertThat(MeetingApiTest.list(now)).anySatisfy(o -> {
                assertThat(o.get("meetingId").asString()).isEqualTo(id);
                assertThat(o.get("live").asBoolean()).isTrue();
            });
            assertThat(MeetingApiTest.list(onA.get("/api/v1/channels/fed-29/meetings/now", world.token("bruno")).json()))
                    .anySatisfy(o -> assertThat(o.get("meetingId").asString()).isEqualTo(id));

            CLOCK.set(startsAt.plus(Duration.ofMinutes(61)));
            assertThat(sweepConcurrently().stream().mapToInt(MeetingSweep.Report::ended).sum()).isEqualTo(1);
            awaitExactlyOnce(brunoA, brunoB, "/topic/live.fed-29", e -> "meeting.ended".equals(e.path("type").asString())
                    && id.equals(e.path("meetingId").asString()));
            assertThat(reminders(onA, world, title)).hasSize(2);
        }
    }

    /**
     * Two nodes writing to one shared store: a message posted later always gets a larger seq, whichever
     * node stores it, so catching up "after seq N" never skips one. (Seq blocks per node broke this.)
     */
    @Test
    void messages_posted_on_both_nodes_get_seqs_in_posting_order() {
        World world = World.on(port(nodeA));
        Api onA = world.api;
        Api onB = new Api(port(nodeB));
        String run = "ordre " + System.nanoTime() + " ";
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Api node = i % 2 == 0 ? onB : onA;
            Api.Response posted = node.post("/api/v1/channels/fed-29/messages", world.token("alice"), Map.of("text", run + i));
            assertThat(posted.status()).as(posted.body()).isEqualTo(201);
            seqs.add(posted.json().get("seq").asLong());
        }
        assertThat(seqs).isSorted().doesNotHaveDuplicates();

        List<String> caughtUp = new ArrayList<>();
        onB.get("/api/v1/channels/fed-29/events?limit=200&afterSeq=" + seqs.get(2), world.token("bruno")).json().get("events")
                .forEach(e -> {
                    String text = e.path("text").asString("");
                    if (text.startsWith(run)) caughtUp.add(text);
                });
        assertThat(caughtUp).as("catching up after the third message, seqs %s", seqs)
                .containsExactly(run + 3, run + 4, run + 5);
    }

    static List<JsonNode> reminders(Api api, World world, String title) {
        return MeetingApiTest.list(api.get("/api/v1/channels/fed-29/messages?limit=200", world.token("bruno")).json()).stream()
                .filter(m -> m.get("text").asString().contains("Rappel") && m.get("text").asString().contains(title)).toList();
    }

    /** The event arrives on one of bruno's two connections, and only once in all. */
    static void awaitExactlyOnce(LiveClient a, LiveClient b, String destination, java.util.function.Predicate<JsonNode> match) {
        await().atMost(Duration.ofSeconds(10)).until(() -> count(a, b, destination, match) >= 1);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> count(a, b, destination, match) == 1);
    }

    static long count(LiveClient a, LiveClient b, String destination, java.util.function.Predicate<JsonNode> match) {
        return a.events(destination).stream().filter(match).count() + b.events(destination).stream().filter(match).count();
    }
}
