package dev.cwlifecycle.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.connectwise.ConnectWiseJson;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;

/** Members made in ConnectWise's own screens (the simulator's company {@code acme}), behind the functions' back. */
public final class ConsoleMembers {

    private ConsoleMembers() {
    }

    /** A technician's fields: security role 2, licence class F, the office email as given. */
    public static ObjectNode technician(String identifier, String firstName, String lastName, String email) {
        ObjectNode fields = ConnectWiseJson.MAPPER.createObjectNode()
                .put("identifier", identifier)
                .put("firstName", firstName)
                .put("lastName", lastName)
                .put("officeEmail", email)
                .put("licenseClass", "F");
        fields.putObject("securityRole").put("id", 2);
        return fields;
    }

    /** Creates the technician; the simulator announces it to every callback registration. */
    public static ObjectNode create(ConnectWiseSimulator simulator, String identifier, String firstName,
                                    String lastName, String email) {
        return simulator.members("acme").create(technician(identifier, firstName, lastName, email));
    }
}
