package io.trainflow.plugin.lti;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LTI Names and Roles Provisioning Service 2.0: the members of a course's context, read from the membership container
 * the launch named ({@code context_memberships_url}), page after page along the {@code Link: <…>; rel="next"} header.
 * Next pages must stay on the container's host (the bearer token goes with them) and are bounded in number.
 */
class NamesAndRoles {

    static final String SCOPE = DynamicRegistration.NRPS_SCOPE;
    static final String MEDIA_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    private static final int MAX_PAGES = 200;
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?", Pattern.CASE_INSENSITIVE);

    /**
     * A member of the course as the platform lists them.
     *
     * @param userId   the platform's user id (the launches' {@code sub})
     * @param username Moodle's {@code ext_user_username}, null when the platform does not send it
     * @param roles    the roles as sent: short names ({@code Learner}, Moodle) or full LIS URIs
     * @param status   {@code Active} (or absent), {@code Inactive}, {@code Deleted}
     */
    record Member(String userId, String username, String email, String name, List<String> roles, String status) {

        boolean active() {
            return status == null || "Active".equalsIgnoreCase(status);
        }

        boolean learner() {
            return roles.stream().anyMatch(r -> r.equals("Learner") || r.endsWith("membership#Learner"));
        }
    }

    private final ServiceTokens tokens;
    private final PlatformCalls calls;

    NamesAndRoles(ServiceTokens tokens, PlatformCalls calls) {
        this.tokens = tokens;
        this.calls = calls;
    }

    List<Member> members(Platform platform, String membershipsUrl) {
        URI first = PlatformCalls.httpUrl("context_memberships_url", membershipsUrl);
        String token = tokens.token(platform, SCOPE);
        List<Member> members = new ArrayList<>();
        URI page = first;
        for (int pages = 0; page != null; pages++) {
            if (pages == MAX_PAGES) {
                throw new PlatformCalls.ServiceFailed("The course's membership list at " + PlatformCalls.address(first)
                        + " has more than " + MAX_PAGES + " pages.");
            }
            PlatformCalls.Reply reply = calls.send(HttpRequest.newBuilder(page)
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", MEDIA_TYPE)
                    .GET());
            if (reply.status() / 100 != 2) {
                tokens.forget(platform);
                throw new PlatformCalls.ServiceFailed("The platform's membership service " + PlatformCalls.address(page)
                        + " answered HTTP " + reply.status()
                        + (reply.status() == 401 || reply.status() == 403
                                ? ": it refused Trainflow's service token; open Trainflow from the course again."
                                : "."));
            }
            Map<String, Object> container =
                    PlatformCalls.object(reply.body(), "The membership list at " + PlatformCalls.address(page));
            if (container.get("members") instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> member) {
                        members.add(member(member));
                    }
                }
            }
            page = next(first, reply.headers().allValues("Link"));
        }
        return members;
    }

    /** The next page, when the Link header names one on the container's own scheme, host and port. */
    private static URI next(URI first, List<String> links) {
        for (String link : links) {
            Matcher next = NEXT.matcher(link);
            if (next.find()) {
                URI uri = first.resolve(next.group(1).strip());
                if (!first.getScheme().equals(uri.getScheme())
                        || !first.getHost().equalsIgnoreCase(uri.getHost())
                        || first.getPort() != uri.getPort()) {
                    throw new PlatformCalls.ServiceFailed("The course's membership list at "
                            + PlatformCalls.address(first) + " points its next page to another site (" + uri.getHost()
                            + "): Trainflow does not follow it.");
                }
                return uri;
            }
        }
        return null;
    }

    private static Member member(Map<?, ?> json) {
        List<String> roles = json.get("roles") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
        return new Member(
                text(json.get("user_id")),
                text(json.get("ext_user_username")),
                text(json.get("email")),
                text(json.get("name")),
                roles,
                text(json.get("status")));
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
