package dev.cwlifecycle.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.bench.CallbackEndpoint;
import dev.cwlifecycle.connectwise.ConnectWiseJson;
import dev.cwlifecycle.connectwise.model.Member;
import dev.cwlifecycle.people.OfficeEmail;
import dev.cwlifecycle.simulator.SimMembers;
import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.MemberDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The end-of-run comparisons of ConnectWise (the simulator's own state) with what cw-lifecycle did and answered. */
final class ChaosChecks {

    /** Directory rows that differ from ConnectWise's members, out of how many compared, with a few examples. */
    record Differences(int differing, int compared, List<String> examples) {
    }

    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Z}]");

    private ChaosChecks() {
    }

    /** Members beyond the first for each email: a second member for one person, a second seat. */
    static int duplicates(SimMembers members, Set<String> emails) {
        return byEmail(members, emails).values().stream().mapToInt(list -> list.size() - 1).sum();
    }

    /** Active members with license class F among {@code emails}: the seats those people use. */
    static int seats(SimMembers members, Set<String> emails) {
        return (int) byEmail(members, emails).values().stream().flatMap(List::stream)
                .filter(member -> !member.path("inactiveFlag").asBoolean())
                .filter(member -> "F".equals(member.path("licenseClass").asText())).count();
    }

    /**
     * Callbacks answered 2xx whose outcome the directory contradicts: applied or unchanged means it holds the member
     * at least as new as the signed Entity, deleted means a tombstone, pending means flagged (or newer data since).
     */
    static List<String> untrueCallbackAnswers(List<CallbackEndpoint.Exchange> exchanges, MemberDirectory directory,
                                              String tenant) {
        List<String> untrue = new ArrayList<>();
        for (CallbackEndpoint.Exchange exchange : exchanges) {
            if (exchange.status() / 100 != 2) {
                continue;
            }
            JsonNode body = json(exchange.body());
            String outcome = json(exchange.answer()).path("outcome").asText();
            long id = body.path("ID").asLong();
            Optional<DirectoryEntry> entry = directory.get(tenant, id);
            Instant signedAt = body.path("Entity").isTextual()
                    ? member(body.path("Entity").asText()).lastUpdated() : null;
            boolean asNew = entry.isPresent() && (entry.get().deleted() || signedAt == null
                    || entry.get().lastUpdated() != null && !entry.get().lastUpdated().isBefore(signedAt));
            boolean holds = switch (outcome) {
                case "applied", "unchanged" -> asNew;
                case "deleted" -> entry.isPresent() && entry.get().deleted();
                case "pending" -> asNew || entry.isPresent() && entry.get().pending();
                default -> true;
            };
            if (!holds) {
                untrue.add("callback " + body.path("MessageId").asText() + " (" + body.path("Action").asText()
                        + " member " + id + ") answered " + outcome + ", but the directory holds " + entry);
            }
        }
        return untrue;
    }

    /** Every ConnectWise member against its directory row, and every live row against ConnectWise. */
    static Differences directoryDifferences(SimMembers members, MemberDirectory directory, String tenant) {
        Map<Long, DirectoryEntry> expected = members.all().stream()
                .map(json -> DirectoryEntry.of(tenant, member(json.toString()), DirectoryEntry.Source.SYNC))
                .collect(Collectors.toMap(DirectoryEntry::memberId, Function.identity()));
        Map<Long, DirectoryEntry> stored = new HashMap<>();
        directory.scan(tenant).forEach(entry -> stored.put(entry.memberId(), entry));
        List<String> examples = new ArrayList<>();
        int differing = 0;
        for (DirectoryEntry wanted : expected.values()) {
            DirectoryEntry row = stored.get(wanted.memberId());
            if (row == null || !same(wanted, row)) {
                differing++;
                example(examples, "member " + wanted.memberId() + ": ConnectWise " + wanted + ", directory " + row);
            }
        }
        for (DirectoryEntry row : stored.values()) {
            if (!row.deleted() && !expected.containsKey(row.memberId())) {
                differing++;
                example(examples, "member " + row.memberId() + " is gone from ConnectWise, directory " + row);
            }
        }
        return new Differences(differing, expected.size(), examples);
    }

    private static boolean same(DirectoryEntry wanted, DirectoryEntry row) {
        return !row.deleted() && !row.pending()
                && Objects.equals(wanted.identifier(), row.identifier())
                && Objects.equals(wanted.firstName(), row.firstName())
                && Objects.equals(wanted.lastName(), row.lastName())
                && Objects.equals(wanted.officeEmail(), row.officeEmail())
                && Objects.equals(wanted.securityRole(), row.securityRole())
                && Objects.equals(wanted.licenseClass(), row.licenseClass())
                && wanted.active() == row.active()
                && Objects.equals(wanted.lastUpdated(), row.lastUpdated());
    }

    /** The members of each person, whatever case, Unicode form or invisible characters their email carries. */
    private static Map<String, List<ObjectNode>> byEmail(SimMembers members, Set<String> emails) {
        Set<String> people = emails.stream().map(ChaosChecks::person).collect(Collectors.toSet());
        return members.all().stream()
                .filter(member -> people.contains(person(member.path("officeEmail").asText())))
                .collect(Collectors.groupingBy(member -> person(member.path("officeEmail").asText())));
    }

    private static String person(String email) {
        return OfficeEmail.key(INVISIBLE.matcher(email).replaceAll(""));
    }

    private static void example(List<String> examples, String example) {
        if (examples.size() < 5) {
            examples.add(example);
        }
    }

    private static Member member(String json) {
        try {
            return ConnectWiseJson.MAPPER.readValue(json, Member.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return text == null ? ConnectWiseJson.MAPPER.createObjectNode() : ConnectWiseJson.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
