package dev.cwlifecycle.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwlifecycle.store.RunSummary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SyncRequestTest {

    // a mapper that fails on unknown properties, as some do: the record must say it ignores them itself
    private static final ObjectMapper STRICT = new ObjectMapper();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"tenant\":\"acme\",\"mode\":\"full\"}                                  | acme    | FULL",
            "{\"mode\":\"INCREMENTAL\"}                                                | default | INCREMENTAL",
            "{}                                                                        | default | INCREMENTAL",
            "{\"id\":\"e1\",\"detail-type\":\"Scheduled Event\",\"detail\":{}}          | default | INCREMENTAL",
            "{\"source\":\"aws.events\",\"detail\":{\"tenant\":\"t-2\",\"mode\":\"Full\"}} | t-2     | FULL",
            "{\"tenant\":\"own\",\"detail\":{\"tenant\":\"other\",\"mode\":\"full\"}}    | own     | FULL"})
    void readsTheConstantInputOrTheScheduledEventsDetail(String json, String tenant, RunSummary.Mode mode)
            throws Exception {
        SyncRequest request = STRICT.readValue(json, SyncRequest.class);

        assertEquals(tenant, request.targetTenant());
        assertEquals(mode, request.targetMode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"tenant\":\"\"}",
            "{\"tenant\":\"a b\"}",
            "{\"detail\":{\"tenant\":\"-lead\"}}"})
    void refusesATenantThatIsNotATenantId(String json) throws Exception {
        SyncRequest request = STRICT.readValue(json, SyncRequest.class);

        assertThrows(IllegalArgumentException.class, request::targetTenant);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{\"mode\":\"delta\"}", "{\"detail\":{\"mode\":\"\"}}"})
    void refusesAnUnknownMode(String json) throws Exception {
        SyncRequest request = STRICT.readValue(json, SyncRequest.class);

        assertThrows(IllegalArgumentException.class, request::targetMode);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "{\"mode\":\"register-callback\",\"callbackUrl\":\"https://h.example/cb\"}               | true  | https://h.example/cb",
            "{\"detail\":{\"mode\":\"Register-Callback\",\"callbackUrl\":\"https://h.example/d\"}}  | true  | https://h.example/d",
            "{\"callbackUrl\":\"https://h.example/own\",\"detail\":{\"mode\":\"register-callback\",\"callbackUrl\":\"https://h.example/d\"}} | true | https://h.example/own",
            "{\"mode\":\"full\",\"detail\":{\"mode\":\"register-callback\"}}                      | false | -",
            "{\"detail\":{\"mode\":\"incremental\"}}                                               | false | -",
            "{}                                                                                  | false | -"})
    void registersTheCallbackWhenTheModeNamedFirstAsksInTheConstantInputOrTheDetail(String json, boolean registers,
                                                                                    String url) throws Exception {
        SyncRequest request = STRICT.readValue(json, SyncRequest.class);

        assertEquals(registers, request.registersCallback());
        assertEquals(url, request.targetCallbackUrl());
    }
}
