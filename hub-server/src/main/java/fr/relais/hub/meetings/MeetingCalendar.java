package fr.relais.hub.meetings;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * iCalendar (RFC 5545) text of meetings, written with ical4j: one VEVENT per series with its RRULE,
 * EXDATE for exceptions and cancelled occurrences, one VEVENT with RECURRENCE-ID per changed occurrence,
 * and the VTIMEZONE of every zone used, so calendar apps keep 18:00 Paris at 18:00 across daylight-saving
 * changes. No room name or token is written: the {@code URL} leads to the meeting's page in the hub,
 * where joining asks for a fresh token.
 */
public final class MeetingCalendar {
    static final String PRODID = "-//Relais//Reunions//FR";

    private MeetingCalendar() {
    }

    /**
     * @param pageUrl the page of a meeting in the web client, from its id (or null for no URL)
     */
    public static String write(Collection<Meeting> meetings, String calendarName, Instant now,
                               java.util.function.@Nullable Function<String, String> pageUrl) {
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", calendarName));
        Set<ZoneId> zones = new LinkedHashSet<>();
        List<VEvent> events = new ArrayList<>();
        for (Meeting m : meetings) {
            zones.add(m.timeZone());
            events.addAll(events(m, now, pageUrl == null ? null : pageUrl.apply(m.id())));
        }
        for (ZoneId zone : zones) {
            net.fortuna.ical4j.model.TimeZone tz = registry.getTimeZone(zone.getId());
            if (tz != null) calendar.add(tz.getVTimeZone());
        }
        events.forEach(calendar::add);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("Invalid calendar produced", e);
        }
        return out.toString();
    }

    private static List<VEvent> events(Meeting m, Instant now, @Nullable String url) {
        List<VEvent> events = new ArrayList<>();
        ZonedDateTime start = m.start().atZone(m.timeZone());
        VEvent master = event(m, start, start.plusMinutes(m.durationMinutes()), m.title(), m.agenda(), now, url);
        if (m.recurring()) {
            master.add(new RRule<ZonedDateTime>(Recurrence.parse(m.recurrence())));
            List<ZonedDateTime> excluded = new ArrayList<>();
            for (LocalDateTime e : m.exceptions()) excluded.add(e.atZone(m.timeZone()));
            for (Map.Entry<String, OccurrenceChange> c : m.changes().entrySet()) {
                if (c.getValue().cancelled()) excluded.add(Occurrence.parseKey(c.getKey()).atZone(m.timeZone()));
            }
            if (!excluded.isEmpty()) master.add(new ExDate<>(tz(m.timeZone()), new DateList<>(excluded)));
        }
        master.add(new Status(m.cancelled() ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        events.add(master);
        if (m.recurring() && !m.cancelled()) {
            for (Map.Entry<String, OccurrenceChange> c : m.changes().entrySet()) {
                if (c.getValue().cancelled()) continue;
                Occurrence o = Occurrences.find(m, c.getKey()).orElse(null);
                if (o == null) continue;
                VEvent instance = event(m, o.start(), o.end(), o.title(), o.agenda(), now, url);
                instance.add(new RecurrenceId<>(tz(m.timeZone()), o.originalStart()));
                instance.add(new Status(Status.VALUE_CONFIRMED));
                events.add(instance);
            }
        }
        return events;
    }

    private static VEvent event(Meeting m, ZonedDateTime start, ZonedDateTime end, String title, String agenda,
                                Instant now, @Nullable String url) {
        VEvent event = new VEvent(false);
        event.add(new Uid(m.id() + "@relais"));
        event.add(new DtStamp(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        event.add(new DtStart<>(tz(m.timeZone()), start));
        event.add(new DtEnd<>(tz(m.timeZone()), end));
        event.add(new Summary(title));
        if (!agenda.isBlank()) event.add(new Description(agenda));
        event.add(new Location("Visio Relais (Jitsi)"));
        event.add(new Sequence(m.sequence()));
        if (url != null) event.add(new Url(URI.create(url)));
        return event;
    }

    private static ParameterList tz(ZoneId zone) {
        return new ParameterList(List.of(new TzId(zone.getId())));
    }
}
