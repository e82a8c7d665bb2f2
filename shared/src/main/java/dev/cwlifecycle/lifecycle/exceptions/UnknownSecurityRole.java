package dev.cwlifecycle.lifecycle.exceptions;

import java.util.List;

/** The security role asked for (by name or id) does not exist in ConnectWise. */
public class UnknownSecurityRole extends RuntimeException {

    private final List<String> validRoles;

    /** @param named how the request named the role: {@code 'Technician'} or {@code roleId 7} */
    public UnknownSecurityRole(String named, List<String> validRoles) {
        super("Security role " + named + " does not exist in ConnectWise; valid roles: " + String.join(", ", validRoles));
        this.validRoles = List.copyOf(validRoles);
    }

    public List<String> validRoles() {
        return validRoles;
    }
}
