package dev.cwlifecycle.local;

import dev.cwlifecycle.callback.CallbackConfig;
import dev.cwlifecycle.connectwise.ConnectWiseConfig;
import dev.cwlifecycle.credentials.CredentialsConfig;
import dev.cwlifecycle.deprovision.DeprovisionHandler;
import dev.cwlifecycle.provision.ProvisionConfig;
import dev.cwlifecycle.store.StoreConfig;
import dev.cwlifecycle.sync.SyncConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateConsistencyTest {

    private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
    private static final List<Class<?>> CONFIG = List.of(StoreConfig.class, CredentialsConfig.class,
            ConnectWiseConfig.class, ProvisionConfig.class, DeprovisionHandler.DeprovisionConfig.class,
            SyncConfig.class, CallbackConfig.class);

    @Test
    void templateAgreesWithTheCode() throws Exception {
        String template = Files.readString(REPOSITORY.resolve("template.yaml"));

        assertEquals(List.of(), new TemplateCheck(REPOSITORY, CONFIG).problems(CloudFormationYaml.load(template)));
    }

    @Test
    void aWrongTableKeyInACopyOfTheTemplateIsCaught() throws Exception {
        String template = Files.readString(REPOSITORY.resolve("template.yaml"));
        String wrongKey = template.replace("{AttributeName: memberId, KeyType: RANGE}",
                "{AttributeName: memberID, KeyType: RANGE}");

        List<String> problems = new TemplateCheck(REPOSITORY, CONFIG).problems(CloudFormationYaml.load(wrongKey));

        assertTrue(problems.stream().anyMatch(p -> p.startsWith("DirectoryTable KeySchema")), problems.toString());
    }

    @Test
    void anUnknownEnvironmentVariableAndAWrongRouteAreCaught() throws Exception {
        String template = Files.readString(REPOSITORY.resolve("template.yaml"))
                .replace("CW_STORE_DIRECTORY_TABLE: !Ref DirectoryTable", "CW_STORE_DIRECTORY_TABLES: !Ref DirectoryTable")
                .replace("RouteKey: POST /callbacks/connectwise", "RouteKey: POST /callback/connectwise");

        List<String> problems = new TemplateCheck(REPOSITORY, CONFIG).problems(CloudFormationYaml.load(template));

        assertTrue(problems.stream().anyMatch(p -> p.contains("CW_STORE_DIRECTORY_TABLES")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("routes")), problems.toString());
    }
}
