package dev.cwlifecycle.simulator;

import java.time.Instant;

/**
 * One member as the simulator stores it: compact (references as ids, JSON rendered only on output) so that
 * 100,000 of them fit in a few tens of megabytes. {@code history} (tickets or time entries exist) and
 * {@code openTimeSheets} are not part of the member JSON; they drive delete and deactivation. {@code password} is
 * write-only: accepted on writes, never rendered.
 */
record MemberRecord(
        long id, String identifier, String firstName, String lastName, String middleInitial, String title,
        String officeEmail, String mobileEmail, String homeEmail, String defaultEmail,
        String officePhone, String mobilePhone, String homePhone, String defaultPhone,
        String licenseClass, Long securityRoleId, Long typeId, Long timeZoneId, Long locationId, Long departmentId,
        Setup setup, Long reportsToId, Instant hireDate, boolean inactiveFlag, Instant inactiveDate, String notes,
        String password, Audit audit, boolean history, boolean openTimeSheets) {

    /** Where the member sits in the company and how its time is booked: references to setup tables, or null. */
    record Setup(Long structureLevelId, Long securityLocationId, Long workRoleId, Long workTypeId) {

        static final Setup NONE = new Setup(null, null, null, null);
    }

    /** The member's {@code _info}: who created and who last changed it, and when. */
    record Audit(Instant dateEntered, String enteredBy, Instant lastUpdated, String updatedBy) {

        static Audit created(Instant at, String by) {
            return new Audit(at, by, at, by);
        }

        Audit updated(Instant at, String by) {
            return new Audit(dateEntered, enteredBy, at, by);
        }
    }

    boolean isActiveFullSeat() {
        return !inactiveFlag && "F".equals(licenseClass);
    }

    MemberRecord withAudit(Audit newAudit) {
        return new MemberRecord(id, identifier, firstName, lastName, middleInitial, title, officeEmail, mobileEmail,
                homeEmail, defaultEmail, officePhone, mobilePhone, homePhone, defaultPhone, licenseClass,
                securityRoleId, typeId, timeZoneId, locationId, departmentId, setup, reportsToId, hireDate,
                inactiveFlag, inactiveDate, notes, password, newAudit, history, openTimeSheets);
    }

    MemberRecord withHistory(boolean newHistory, boolean newOpenTimeSheets) {
        return new MemberRecord(id, identifier, firstName, lastName, middleInitial, title, officeEmail, mobileEmail,
                homeEmail, defaultEmail, officePhone, mobilePhone, homePhone, defaultPhone, licenseClass,
                securityRoleId, typeId, timeZoneId, locationId, departmentId, setup, reportsToId, hireDate,
                inactiveFlag, inactiveDate, notes, password, audit, newHistory, newOpenTimeSheets);
    }

    MemberRecord deactivated(Instant at) {
        return new MemberRecord(id, identifier, firstName, lastName, middleInitial, title, officeEmail, mobileEmail,
                homeEmail, defaultEmail, officePhone, mobilePhone, homePhone, defaultPhone, licenseClass,
                securityRoleId, typeId, timeZoneId, locationId, departmentId, setup, reportsToId, hireDate, true,
                at, notes, password, audit, history, false);
    }
}
