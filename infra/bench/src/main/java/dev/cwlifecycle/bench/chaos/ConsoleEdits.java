package dev.cwlifecycle.bench.chaos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.simulator.SimMembers;

import java.util.List;

/**
 * Changes made in ConnectWise's own screens, behind cw-lifecycle's back: they reach it only through callbacks and
 * syncs. Each is stamped and announced by the simulator like any change.
 */
final class ConsoleEdits {

    /** Roles a console edit moves members between (ids in the simulator's catalog). */
    private static final int FIRST_ROLE = 2;
    private static final int ROLES = 7;

    private final SimMembers members;

    ConsoleEdits(SimMembers members) {
        this.members = members;
    }

    void apply(ChaosOperation.ConsoleEdit edit, int step) {
        List<ObjectNode> present = members.all();
        long id = present.get(edit.pick() % present.size()).get("id").asLong();
        switch (edit.edit()) {
            case RENAME -> rename(id, step);
            case CHANGE_ROLE -> members.update(id, member -> member.putObject("securityRole")
                    .put("id", FIRST_ROLE + step % ROLES));
            case DEACTIVATE -> members.update(id, member -> member.put("inactiveFlag", true));
            case REACTIVATE -> members.update(id, member -> member.put("inactiveFlag", false));
            case DELETE -> {
                if (members.hasHistory(id)) {
                    rename(id, step);
                } else {
                    members.delete(id);
                }
            }
        }
    }

    private void rename(long id, int step) {
        members.update(id, member -> member.put("firstName", "Renamed" + step));
    }
}
