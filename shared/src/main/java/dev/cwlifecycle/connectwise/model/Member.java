package dev.cwlifecycle.connectwise.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.Map;

/**
 * A ConnectWise member as the REST API 3.0 names its fields (not the seed guide's {@code role} or
 * {@code emailAddress}). Null fields are left out of writes, so one record serves reads and creates.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Member(
        Long id,
        String identifier,
        String firstName,
        String lastName,
        String middleInitial,
        String title,
        String officeEmail,
        String mobileEmail,
        String homeEmail,
        String defaultEmail,
        String officePhone,
        String mobilePhone,
        String homePhone,
        String defaultPhone,
        String licenseClass,
        Reference securityRole,
        Reference type,
        Reference timeZone,
        Reference defaultLocation,
        Reference defaultDepartment,
        MemberReference reportsTo,
        Instant hireDate,
        Boolean inactiveFlag,
        Instant inactiveDate,
        String notes,
        @JsonProperty("_info") Map<String, String> info) {

    /** When ConnectWise last changed this member ({@code _info.lastUpdated}), or null when not returned. */
    @JsonIgnore
    public Instant lastUpdated() {
        String value = info == null ? null : info.get("lastUpdated");
        return value == null ? null : Instant.parse(value);
    }

    @JsonIgnore
    public boolean active() {
        return !Boolean.TRUE.equals(inactiveFlag);
    }
}
