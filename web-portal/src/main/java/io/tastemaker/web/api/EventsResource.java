package io.tastemaker.web.api;

import io.tastemaker.domain.event.EventInput;
import io.tastemaker.domain.event.EventService;
import io.tastemaker.domain.event.EventTargets;
import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.web.auth.Authorizer;
import io.tastemaker.web.auth.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The events API (REST-JSON): PutEvents, PutItems, PutUsers. */
@Path("/")
@RequestScoped
public class EventsResource {

    @Inject
    Caller caller;
    @Inject
    EventService events;
    @Inject
    EventTargets targets;
    @Inject
    Authorizer authorizer;

    @POST
    @Path("events")
    public Response putEvents(byte[] body) {
        JsonIn r = JsonIn.parse(body);
        String trackingId = r.string("trackingId");
        authorizer.authorize("personalize:PutEvents", List.of(trackingId == null ? "*"
                : targets.of(caller.accountId(), trackingId).trackerArn()));
        List<EventInput> list = new ArrayList<>();
        for (JsonIn e : r.objects("eventList")) {
            list.add(new EventInput(e.string("eventId"), e.string("eventType"), e.floatValue("eventValue"), e.string("itemId"),
                    e.timestamp("sentAt"), e.string("properties"), e.string("recommendationId"), e.strings("impression")));
        }
        events.putEvents(caller.accountId(), r.string("trackingId"), r.string("userId"), r.string("sessionId"), list);
        return Response.ok().build();
    }

    @POST
    @Path("items")
    public Response putItems(byte[] body) {
        JsonIn r = JsonIn.parse(body);
        authorizer.authorize("personalize:PutItems", List.of(r.requiredString("datasetArn")));
        events.putRecords(caller.accountId(), r.requiredString("datasetArn"), DatasetType.ITEMS, records(r, "items", "itemId"));
        return Response.ok().build();
    }

    @POST
    @Path("users")
    public Response putUsers(byte[] body) {
        JsonIn r = JsonIn.parse(body);
        authorizer.authorize("personalize:PutUsers", List.of(r.requiredString("datasetArn")));
        events.putRecords(caller.accountId(), r.requiredString("datasetArn"), DatasetType.USERS, records(r, "users", "userId"));
        return Response.ok().build();
    }

    private static Map<String, String> records(JsonIn r, String member, String idMember) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonIn record : r.objects(member)) {
            out.put(record.requiredString(idMember), record.string("properties"));
        }
        return out;
    }
}
