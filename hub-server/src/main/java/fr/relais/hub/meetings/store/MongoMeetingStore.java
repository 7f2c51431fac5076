package fr.relais.hub.meetings.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.UpdateOptions;
import fr.relais.hub.identity.Role;
import fr.relais.hub.meetings.Meeting;
import fr.relais.hub.meetings.MeetingStore;
import fr.relais.hub.meetings.RsvpAnswer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Repository;

/**
 * Collections of the meetings feature.
 * <ul>
 *   <li>{@code meetings}: one document per meeting (see {@link MeetingDocuments}); changes are
 *       optimistic ({@code version}). Indexes: {@code (firstStart)}, {@code (channelId)}.</li>
 *   <li>{@code meeting_rsvps}: {@code _id = meetingId|occurrenceKey|userId}, the latest answer wins.
 *       Index: {@code (meetingId, occurrenceKey)}.</li>
 *   <li>{@code calendar_feeds}: {@code _id = userId}, {@code secret} unique: the secret of the
 *       user's calendar feed URL.</li>
 * </ul>
 */
@Repository
class MongoMeetingStore implements MeetingStore {
    private final MongoCollection<Document> meetings;
    private final MongoCollection<Document> rsvps;
    private final MongoCollection<Document> feeds;

    MongoMeetingStore(MongoDatabase database) {
        this.meetings = database.getCollection("meetings");
        this.rsvps = database.getCollection("meeting_rsvps");
        this.feeds = database.getCollection("calendar_feeds");
        meetings.createIndex(Indexes.ascending("firstStart"));
        meetings.createIndex(Indexes.ascending("channelId"));
        rsvps.createIndex(Indexes.ascending("meetingId", "occurrenceKey"));
        feeds.createIndex(Indexes.ascending("secret"), new IndexOptions().unique(true));
    }

    @Override
    public String newId() {
        return new ObjectId().toHexString();
    }

    @Override
    public void insert(Meeting meeting) {
        meetings.insertOne(MeetingDocuments.toDocument(meeting, 0));
    }

    @Override
    public boolean replace(Meeting meeting) {
        return meetings.replaceOne(and(eq("_id", meeting.id()), eq("version", meeting.version())),
                MeetingDocuments.toDocument(meeting, meeting.version() + 1), new ReplaceOptions()).getMatchedCount() == 1;
    }

    @Override
    public Optional<Meeting> findById(String id) {
        return Optional.ofNullable(meetings.find(eq("_id", id)).first()).map(MeetingDocuments::toMeeting);
    }

    @Override
    public List<Meeting> findFor(String userId, Set<Role> roles, String federation, Collection<String> readableChannelIds,
                                 Instant from, Instant to) {
        List<Bson> invited = new ArrayList<>(List.of(eq("organizerId", userId), eq("inviteeUserIds", userId)));
        if (!roles.isEmpty()) invited.add(in("inviteeRoles", roles.stream().map(Role::name).toList()));
        if (federation != null) invited.add(eq("inviteeFederations", federation));
        if (!readableChannelIds.isEmpty()) invited.add(in("inviteeChannelId", readableChannelIds));
        return find(and(window(from, to), or(invited)));
    }

    @Override
    public List<Meeting> findActive(Instant from, Instant to) {
        return find(and(eq("cancelled", false), window(from, to)));
    }

    @Override
    public List<Meeting> findInChannel(String channelId, Instant from, Instant to) {
        return find(and(eq("channelId", channelId), eq("cancelled", false), window(from, to)));
    }

    @Override
    public void saveRsvp(String meetingId, String occurrenceKey, String userId, RsvpAnswer answer, Instant at) {
        rsvps.replaceOne(eq("_id", meetingId + "|" + occurrenceKey + "|" + userId),
                new Document("meetingId", meetingId).append("occurrenceKey", occurrenceKey).append("userId", userId)
                        .append("answer", answer.name()).append("at", Date.from(at)),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public Map<String, RsvpAnswer> rsvps(String meetingId, String occurrenceKey) {
        Map<String, RsvpAnswer> answers = new HashMap<>();
        rsvps.find(and(eq("meetingId", meetingId), eq("occurrenceKey", occurrenceKey)))
                .forEach(d -> answers.put(d.getString("userId"), RsvpAnswer.valueOf(d.getString("answer"))));
        return answers;
    }

    @Override
    public String feedSecret(String userId, String candidate) {
        feeds.updateOne(eq("_id", userId), Updates.setOnInsert("secret", candidate), new UpdateOptions().upsert(true));
        return feeds.find(eq("_id", userId)).first().getString("secret");
    }

    @Override
    public void replaceFeedSecret(String userId, String secret) {
        feeds.updateOne(eq("_id", userId), Updates.set("secret", secret), new UpdateOptions().upsert(true));
    }

    @Override
    public Optional<String> userForFeedSecret(String secret) {
        return Optional.ofNullable(feeds.find(eq("secret", secret)).first()).map(d -> d.getString("_id"));
    }

    private static Bson window(Instant from, Instant to) {
        return and(lt("firstStart", Date.from(to)), or(eq("lastEnd", null), gt("lastEnd", Date.from(from))));
    }

    private List<Meeting> find(Bson filter) {
        return meetings.find(filter).map(MeetingDocuments::toMeeting).into(new ArrayList<>());
    }
}
