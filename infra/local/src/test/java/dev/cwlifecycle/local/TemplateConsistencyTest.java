package dev.cwlifecycle.local;

import dev.cwlifecycle.callback.CallbackConfig;
import dev.cwlifecycle.connectwise.ConnectWiseConfig;
import dev.cwlifecycle.credentials.CredentialsConfig;
import dev.cwlifecycle.deprovision.DeprovisionHandler;
import dev.cwlifecycle.gateway.GatewayConfig;
import dev.cwlifecycle.lifecycle.DeprovisionPolicy;
import dev.cwlifecycle.lifecycle.ProvisionPolicy;
import dev.cwlifecycle.mover.MoverHandler;
import dev.cwlifecycle.provision.ProvisionHandler;
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
            ConnectWiseConfig.class, GatewayConfig.class, ProvisionPolicy.class, ProvisionHandler.ProvisionConfig.class,
            DeprovisionPolicy.class, DeprovisionHandler.DeprovisionConfig.class, MoverHandler.MoverConfig.class, SyncConfig.class, CallbackConfig.class);

    @Test
    void templateAgreesWithTheCode() throws Exception {
        String template = Files.readString(REPOSITORY.resolve("template.yaml"));

        assertEquals(List.of(), problems(template));
    }

    @Test
    void aWrongTableKeyInACopyOfTheTemplateIsCaught() throws Exception {
        String template = Files.readString(REPOSITORY.resolve("template.yaml"));
        String wrongKey = template.replace("{AttributeName: memberId, KeyType: RANGE}",
                "{AttributeName: memberID, KeyType: RANGE}");

        List<String> problems = problems(wrongKey);

        assertTrue(problems.stream().anyMatch(p -> p.startsWith("DirectoryTable KeySchema")), problems.toString());
    }

    @Test
    void aPendingIndexProjectingOtherAttributesOrNotGrantedToTheSyncIsCaught() throws Exception {
        String template = Files.readString(REPOSITORY.resolve("template.yaml"));

        assertTrue(problems(template.replace("{ProjectionType: KEYS_ONLY}", "{ProjectionType: ALL}")).stream()
                .anyMatch(p -> p.startsWith("DirectoryTable indexes: the code has [")));
        assertEquals(List.of("SyncFunction may not Query ${DirectoryTable.Arn}/index/byPending",
                        "MembersFunction may not Query ${DirectoryTable.Arn}/index/byIdentifier",
                        "MembersFunction may not Query ${DirectoryTable.Arn}/index/byEmail"),
                problems(template.replace("Action: dynamodb:Query\n", "Action: dynamodb:GetItem\n")));
    }

    @Test
    void anUnknownEnvironmentVariableAndAWrongRouteAreCaught() throws Exception {
        String template = Files.readString(REPOSITORY.resolve("template.yaml"))
                .replace("CW_STORE_DIRECTORY_TABLE: !Ref DirectoryTable", "CW_STORE_DIRECTORY_TABLES: !Ref DirectoryTable")
                .replace("RouteKey: POST /callbacks/connectwise", "RouteKey: POST /callback/connectwise");

        List<String> problems = problems(template);

        assertTrue(problems.stream().anyMatch(p -> p.contains("CW_STORE_DIRECTORY_TABLES")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("routes")), problems.toString());
    }

    @Test
    void aTemplateRouteTheContractDoesNotDocumentIsCaught() throws Exception {
        String template = Files.readString(REPOSITORY.resolve("template.yaml"))
                .replace("RouteKey: GET /openapi.yaml", "RouteKey: GET /openapi.json");

        assertTrue(problems(template).stream().anyMatch(p -> p.startsWith("routes in docs/openapi.yaml")
                && p.contains("GET /openapi.json")), problems(template).toString());
    }

    @Test
    void aVariableAFunctionReadsMissingFromACopyOfTheTemplateIsCaught() throws Exception {
        String template = Files.readString(REPOSITORY.resolve("template.yaml"));
        String noDirectory = template.replace("        CW_STORE_DIRECTORY_TABLE: !Ref DirectoryTable\n", "");
        String noPattern = template.replace("        CW_CREDENTIALS_SECRET_NAME_PATTERN: !Sub \"${SecretNamePrefix}/{tenant}\"\n",
                "");

        List<String> withoutDirectory = problems(noDirectory);
        List<String> withoutPattern = problems(noPattern);

        // the directory variable is needed where the directory table is granted: sync, callback, mover and members,
        // not provision
        assertEquals(List.of("CallbackFunction does not set CW_STORE_DIRECTORY_TABLE, which it reads",
                "MembersFunction does not set CW_STORE_DIRECTORY_TABLE, which it reads",
                "MoverFunction does not set CW_STORE_DIRECTORY_TABLE, which it reads",
                "SyncFunction does not set CW_STORE_DIRECTORY_TABLE, which it reads"), withoutDirectory.stream()
                .filter(p -> p.contains("CW_STORE_DIRECTORY_TABLE")).sorted().toList());
        assertEquals(functions(template), withoutPattern.stream()
                .filter(p -> p.endsWith("does not set CW_CREDENTIALS_SECRET_NAME_PATTERN, which it reads")).count(),
                withoutPattern.toString());
    }

    @Test
    void secretsReadOutsideTheSecretNamePatternAreCaught() throws Exception {
        String template = Files.readString(REPOSITORY.resolve("template.yaml"));
        String anySecret = template.replaceFirst(":secret:\\$\\{SecretNamePrefix}/\\*\"", ":secret:*\"");
        String otherPattern = template.replace("!Sub \"${SecretNamePrefix}/{tenant}\"", "!Sub \"${SecretNamePrefix}-{tenant}\"");
        String otherDefault = template.replace("    Default: cw-lifecycle\n", "    Default: lifecycle\n");

        List<String> wideOpen = problems(anySecret);

        assertEquals(1, wideOpen.stream().filter(p -> p.startsWith("ProvisionFunction may read secrets")).count(),
                wideOpen.toString());
        assertEquals(functions(template), problems(otherPattern).stream().filter(p -> p.contains("may read secrets"))
                .count());
        assertTrue(problems(otherDefault).stream().anyMatch(p -> p.contains("secret name pattern by default")));
    }

    @Test
    void templateHasTheAlarmsAccessLogsAndDeployDefaultsOperatorsRelyOn() throws Exception {
        String template = Files.readString(REPOSITORY.resolve("template.yaml"));

        assertEquals(List.of(), new OperationsCheck().problems(CloudFormationYaml.load(template)));
    }

    @Test
    void aNativeDefaultAMissingAlarmAnUnconditionalSubscriptionAndAccessLogsWithoutTheRequestIdAreCaught()
            throws Exception {
        String template = Files.readString(REPOSITORY.resolve("template.yaml"));

        assertEquals(List.of("Runtime default (what ./mvnw package builds): expected jvm, template.yaml has native"),
                operations(template.replace("    Default: jvm\n", "    Default: native\n")));
        assertEquals(List.of("no alarm watches Watched[namespace=cw-lifecycle, metric=sync.not-complete, "
                        + "dimensions={function=sync}]"),
                operations(template.replace("MetricName: sync.not-complete", "MetricName: sync.incomplete")));
        assertTrue(operations(template.replace("    Condition: HasAlarmEmail\n", "")).stream()
                .anyMatch(p -> p.startsWith("subscription condition")));
        assertTrue(operations(template.replace("\"requestId\":\"$context.requestId\"", "\"id\":\"$context.requestId\""))
                .stream().anyMatch(p -> p.startsWith("access log requestId")));
        assertTrue(operations(template.replace("Architectures: [!Ref Architectures]", "Architectures: [x86_64]"))
                .stream().anyMatch(p -> p.startsWith("Globals Architectures")));
        assertTrue(operations(template.replace("QueueLogicalId: FullSyncDeadLetters", "QueueLogicalId: FullSyncDlq"))
                .stream().anyMatch(p -> p.contains("FullSyncDlq")));
    }

    @Test
    void readmesDeploySectionNamesExactlyTheTemplatesParametersDefaultsAndOutputs() throws Exception {
        String template = Files.readString(REPOSITORY.resolve("template.yaml"));
        String readme = Files.readString(REPOSITORY.resolve("README.md"));

        assertEquals(List.of(), deployDocs(readme, template));
        assertEquals(List.of("README gives LogRetentionDays the default '30', template.yaml '14'"),
                deployDocs(readme, template.replace("    Default: 30\n", "    Default: 14\n")));
        assertTrue(deployDocs(readme.replace("| `AlarmTopicArn` |", "| `AlarmTopic` |"), template).stream()
                .anyMatch(p -> p.startsWith("README's outputs")));
        assertTrue(deployDocs(readme.replace("| `Runtime` |", "| `Runtimes` |"), template).stream()
                .anyMatch(p -> p.startsWith("README's parameters")));
        assertEquals(List.of("README deploys with `Runtimes=native`, but template.yaml has no such parameter"),
                deployDocs(readme.replace("deploy with `Runtime=native`", "deploy with `Runtimes=native`"), template));
    }

    private static List<String> operations(String template) {
        return new OperationsCheck().problems(CloudFormationYaml.load(template));
    }

    private static List<String> deployDocs(String readme, String template) {
        return new DeployReadmeCheck().problems(readme, CloudFormationYaml.load(template));
    }

    private static List<String> problems(String template) {
        return new TemplateCheck(REPOSITORY, CONFIG).problems(CloudFormationYaml.load(template));
    }

    /** Every function reads its tenant's secret. */
    private static long functions(String template) {
        return template.lines().filter(line -> line.trim().equals("Type: AWS::Serverless::Function")).count();
    }
}
