package org.hotlineacd.acd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every class of problem, asserted by its exact text and position. */
class ConfigLoaderProblemsTest {
  @TempDir Path dir;

  /** The problems of loading this YAML from a file, as {@code line:column: path: message}. */
  private List<String> problems(String yaml) throws IOException {
    Path file = dir.resolve("acd.yaml");
    Files.writeString(file, yaml);
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));
    assertThat(e).as("expected problems in:%n%s", yaml).isNotNull();
    assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(file.toString()));
    return e.problems().stream().map(p -> p.toString().substring(file.toString().length() + 1)).toList();
  }

  // ---- the file itself -------------------------------------------------------------------

  @Test
  void missingFile_isOneProblemWithoutPosition() {
    Path file = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> ConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ": file not found");
  }

  @Test
  void emptyFile_isAProblem() throws IOException {
    assertThat(problems("")).containsExactly(
        " the file is empty; it needs at least a 'queues' section (see docs/configuration.md)");
  }

  @Test
  void fileWithOnlyComments_isEmpty() throws IOException {
    assertThat(problems("# nothing yet\n\n")).containsExactly(
        " the file is empty; it needs at least a 'queues' section (see docs/configuration.md)");
  }

  @Test
  void noQueues_isAMissingField() throws IOException {
    assertThat(problems("settings: {timeZone: UTC}\n")).containsExactly(
        "1:1: missing required field 'queues'");
  }

  @Test
  void rootThatIsAList_isTheWrongType() throws IOException {
    assertThat(problems("- queues\n")).containsExactly("1:1: expected a map, got a list");
  }

  // ---- YAML syntax ----------------------------------------------------------------------

  @Test
  void badIndentation_isASyntaxErrorWithItsPosition() throws IOException {
    assertThat(problems("queues:\n  - id: a\n strategy: best-skill\n")).containsExactly(
        "3:2: YAML syntax error: expected <block end>, but found '<block mapping start>'"
            + " (while parsing a block mapping at line 1, column 1)");
  }

  @Test
  void unclosedFlowList_namesWhereTheListStarted() throws IOException {
    assertThat(problems("skills: [general, talent\nqueues: []\n")).containsExactly(
        "2:7: YAML syntax error: expected ',' or ']', but got :"
            + " (while parsing a flow sequence at line 1, column 9)");
  }

  @Test
  void tabIndentation_isASyntaxError() throws IOException {
    assertThat(problems("queues:\n\t- id: a\n")).containsExactly(
        "2:1: YAML syntax error: found character '\\t(TAB)' that cannot start any token."
            + " (Do not use \\t(TAB) for indentation) (while scanning for the next token)");
  }

  @Test
  void duplicateKey_namesTheFirstOne() throws IOException {
    assertThat(problems("queues:\n  - id: a\n    wrapUp: 10s\n    wrapUp: 20s\n")).containsExactly(
        "4:5: queues[0].wrapUp: duplicate key 'wrapUp' (first given at line 3)");
  }

  @Test
  void alias_isNotSupported() throws IOException {
    assertThat(problems("queues:\n  - id: a\n    name: &n Alpha\n  - id: b\n    name: *n\n")).containsExactly(
        "5:11: queues[1].name: YAML aliases (*n) are not supported; write the value out");
  }

  @Test
  void secondDocument_isAProblem() throws IOException {
    assertThat(problems("queues: [{id: a}]\n---\nqueues: [{id: b}]\n")).containsExactly(
        "3:1: only one YAML document is allowed; a second one starts here");
  }

  // ---- unknown keys ----------------------------------------------------------------------

  @Test
  void unknownQueueKey_suggestsTheClosestAndListsAllowedKeys() throws IOException {
    assertThat(problems("queues:\n  - id: a\n    ringtimeout: 20s\n")).containsExactly(
        "3:5: queues[0].ringtimeout: unknown key 'ringtimeout'; did you mean 'ringTimeout'?"
            + " (allowed: id, name, skills, strategy, ringTimeout, wrapUp, thresholds, maxWait, maxLength,"
            + " overflow, relaxation, joinWhenEmpty, leaveWhenEmpty, announceEvery)");
  }

  @Test
  void unknownTopLevelKey_withoutCloseMatch_listsAllowedKeysOnly() throws IOException {
    assertThat(problems("queues: [{id: a}]\nreporting: {}\n")).containsExactly(
        "2:1: reporting: unknown key 'reporting' (allowed: settings, server, security, skills, notReadyReasons,"
            + " dispositions, categories, transferTargets, lines, queues, agents, asterisk, storage, caseSystem,"
            + " wallboard, businessHours)");
  }

  @Test
  void unknownNestedKey_inThresholds() throws IOException {
    assertThat(problems("queues:\n  - id: a\n    thresholds: {answerTaget: 20s}\n")).containsExactly(
        "3:18: queues[0].thresholds.answerTaget: unknown key 'answerTaget'; did you mean 'answerTarget'?"
            + " (allowed: answerTarget, shortAbandon, longCall, formula)");
  }

  // ---- wrong types -----------------------------------------------------------------------

  @Test
  void wrongTypes_nameWhatWasExpected() throws IOException {
    assertThat(problems("""
        skills: general
        queues:
          - id: a
            maxLength: lots
            joinWhenEmpty: maybe
            ringTimeout: soon
            skills: [general]
            overflow: voicemail
        lines:
          - {id: l, queue: a, priority: 2.5, callerData: X}
        agents:
          - {id: "1", endpoint: PJSIP/1, name: {first: A}}
        """)).containsExactly(
        "1:9: skills: expected a list, got 'general'",
        "4:16: queues[0].maxLength: expected a whole number, got 'lots'",
        "5:20: queues[0].joinWhenEmpty: expected true or false, got 'maybe'",
        "6:18: queues[0].ringTimeout: expected a duration like 30s, 2m, 1h30m, 1.5m, 500ms, 1d, PT30S"
            + " or a number of seconds, got 'soon'",
        "7:13: queues[0].skills: expected a map, got a list",
        "8:15: queues[0].overflow: expected a map, got 'voicemail'",
        "10:33: lines[0].priority: expected a whole number, got '2.5'",
        "10:50: lines[0].callerData: expected a list, got 'X'",
        "12:40: agents[0].name: expected a string, got a map");
  }

  @Test
  void reservedSection_mustBeAMap() throws IOException {
    assertThat(problems("queues: [{id: a}]\nstorage: [h2]\n")).containsExactly(
        "2:10: storage: expected a map, got a list");
  }

  // ---- ranges ----------------------------------------------------------------------------

  @Test
  void outOfRangeValues_giveTheRangeAndTheValue() throws IOException {
    assertThat(problems("""
        server: {port: 70000}
        settings: {maxConsecutiveNoAnswer: 0}
        skills: [general]
        queues:
          - id: a
            skills: {general: 11}
            ringTimeout: 0s
            wrapUp: -5s
            maxLength: -1
            thresholds: {longCall: -1m}
            relaxation: [{after: 10s, minLevel: 0}]
        lines: [{id: l, queue: a, priority: 101}]
        agents: [{id: "1", endpoint: PJSIP/1, skills: {general: 0}}]
        """)).containsExactly(
        "1:16: server.port: port must be 1-65535, was 70000",
        "2:36: settings.maxConsecutiveNoAnswer: maxConsecutiveNoAnswer must be at least 1, was 0",
        "6:23: queues[0].skills.general: skill level must be 1-10, was 11",
        "7:18: queues[0].ringTimeout: must be more than zero, was '0s'",
        "8:13: queues[0].wrapUp: must not be negative, was '-5s'",
        "9:16: queues[0].maxLength: maxLength must be at least 0, was -1",
        "10:28: queues[0].thresholds.longCall: must not be negative, was '-1m'",
        "11:41: queues[0].relaxation[0].minLevel: minLevel must be 1-10, was 0",
        "12:37: lines[0].priority: priority must be 0-100, was 101",
        "13:57: agents[0].skills.general: skill level must be 1-10, was 0");
  }

  @Test
  void invalidIdsAndValues_sayWhatIsAllowed() throws IOException {
    assertThat(problems("""
        server: {bind: "0.0.0.0 8080"}
        skills: ["car moving"]
        queues: [{id: a}]
        agents: [{id: "1", endpoint: "1001"}]
        """)).containsExactly(
        "1:16: server.bind: bind must be an IP address or host name, was '0.0.0.0 8080'",
        "2:10: skills[0]: invalid skill 'car moving': use letters, digits, '.', '_' and '-',"
            + " starting with a letter or digit",
        "4:30: agents[0].endpoint: endpoint must look like TECH/resource (e.g. PJSIP/1001), was '1001'");
  }

  // ---- missing fields --------------------------------------------------------------------

  @Test
  void missingRequiredFields_areReportedAtTheirMap() throws IOException {
    assertThat(problems("""
        transferTargets:
          "110": {description: police}
        queues:
          - name: no id
          - id: b
            overflow: {target: c}
          - id: c
            overflow: {kind: queue}
            relaxation: [{minLevel: 2}]
        lines: [{id: l}]
        agents: [{id: "1"}, {endpoint: PJSIP/2}]
        """)).containsExactly(
        "2:10: transferTargets.110: missing required field 'dialString'",
        "4:5: queues[0]: missing required field 'id'",
        "6:15: queues[1].overflow: missing required field 'kind'",
        "8:15: queues[2].overflow: overflow of kind 'queue' needs a target (a queue id)",
        "9:18: queues[2].relaxation[0]: missing required field 'after'",
        "10:9: lines[0]: missing required field 'queue'",
        "11:10: agents[0]: missing required field 'endpoint'",
        "11:21: agents[1]: missing required field 'id'");
  }

  // ---- names with a fixed set of values --------------------------------------------------

  @Test
  void unknownStrategy_suggestsTheConfigName() throws IOException {
    assertThat(problems("queues:\n  - id: a\n    strategy: longest_idle\n")).containsExactly(
        "3:15: queues[0].strategy: unknown strategy 'longest_idle'; did you mean 'longest-idle'?"
            + " (one of longest-idle, fewest-calls, least-talk-time, round-robin, best-skill)");
  }

  @Test
  void unknownStrategy_farFromAll_listsThemOnly() throws IOException {
    assertThat(problems("queues:\n  - id: a\n    strategy: random\n")).containsExactly(
        "3:15: queues[0].strategy: unknown strategy 'random'"
            + " (one of longest-idle, fewest-calls, least-talk-time, round-robin, best-skill)");
  }

  @Test
  void unknownFormulaAndOverflowKind_suggestTheirNames() throws IOException {
    assertThat(problems("""
        queues:
          - id: a
            thresholds: {formula: answer}
            overflow: {kind: voice-mail}
        """)).containsExactly(
        "3:27: queues[0].thresholds.formula: unknown formula 'answer'; did you mean 'answered'?"
            + " (one of offered, answered, abandons-on-time)",
        "4:22: queues[0].overflow.kind: unknown overflow kind 'voice-mail'; did you mean 'voicemail'?"
            + " (one of queue, voicemail, callback, external)");
  }

  @Test
  void badTimeZone_suggestsAZone() throws IOException {
    assertThat(problems("settings:\n  timeZone: Asia/Shangai\nqueues: [{id: a}]\n")).containsExactly(
        "2:13: settings.timeZone: unknown time zone 'Asia/Shangai'; did you mean 'Asia/Shanghai'?"
            + " (an IANA zone such as Asia/Shanghai, or UTC)");
  }

  // ---- references ------------------------------------------------------------------------

  @Test
  void danglingReferences_pointAtTheReference() throws IOException {
    assertThat(problems("""
        skills: [general]
        transferTargets:
          "110": {dialString: PJSIP/t/110}
        queues:
          - id: general
            skills: {general: 1, polcy: 5}
            relaxation:
              - {after: 30s, addQueues: [policy]}
          - id: talent
            maxWait: 1m
            overflow: {kind: queue, target: polcy}
          - id: link
            maxWait: 1m
            overflow: {kind: external, target: "120"}
        lines:
          - {id: "12345", queue: genral}
        agents:
          - {id: "1001", endpoint: PJSIP/1001, skills: {general: 5, talent: 7}}
        """)).containsExactly(
        "6:26: queues[0].skills.polcy: unknown skill 'polcy' (queue general)",
        "8:34: queues[0].relaxation[0].addQueues[0]: unknown queue 'policy'",
        "11:37: queues[1].overflow.target: unknown queue 'polcy'",
        "14:40: queues[2].overflow.target: unknown transfer target '120'",
        "16:26: lines[0].queue: unknown queue 'genral' (line 12345)",
        "18:61: agents[0].skills.talent: unknown skill 'talent' (agent 1001)");
  }

  @Test
  void references_pointAtTheRightItem_whenAnEarlierItemWasLeftOut() throws IOException {
    assertThat(problems("""
        skills: [general]
        queues: [{id: a}]
        agents:
          - {name: no id, endpoint: PJSIP/1}
          - {id: "2", endpoint: PJSIP/2, skills: {ghost: 3}}
        """)).containsExactly(
        "4:5: agents[0]: missing required field 'id'",
        "5:43: agents[1].skills.ghost: unknown skill 'ghost' (agent 2)");
  }

  @Test
  void overflowLoop_isReportedOnceAtItsFirstQueue() throws IOException {
    assertThat(problems("""
        queues:
          - id: a
            maxWait: 1m
            overflow: {kind: queue, target: b}
          - id: b
            maxWait: 1m
            overflow: {kind: queue, target: a}
          - id: c
            maxWait: 1m
            overflow: {kind: queue, target: c}
        """)).containsExactly(
        "4:37: queues[0].overflow.target: overflow loop a -> b -> a",
        "10:37: queues[2].overflow.target: overflow loop c -> c");
  }

  @Test
  void emptyQueueRules_needAnOverflow() throws IOException {
    assertThat(problems("queues:\n  - id: a\n    joinWhenEmpty: false\n  - id: b\n    maxWait: 2m\n"))
        .containsExactly(
            "2:5: queues[0].overflow: queue a overflows when it has no agents (joinWhenEmpty false or"
                + " leaveWhenEmpty true) but names no overflow target",
            "5:14: queues[1].maxWait: maxWait is set but the queue has no 'overflow' saying where those calls go");
  }

  @Test
  void relaxationSteps_mustBeOrderedAndDoSomething() throws IOException {
    assertThat(problems("""
        queues:
          - id: a
            relaxation:
              - {after: 1m, minLevel: 2}
              - {after: 20s, minLevel: 1}
              - {after: 2m}
              - {after: 3m, addQueues: [a]}
        """)).containsExactly(
        "5:9: queues[0].relaxation[1].after: relaxation steps must be in order of 'after': 20s comes after 1m",
        "6:9: queues[0].relaxation[2]: a relaxation step needs minLevel, addQueues or both",
        "7:33: queues[0].relaxation[3].addQueues[0]: a queue cannot add itself ('a')");
  }

  // ---- duplicates ------------------------------------------------------------------------

  @Test
  void duplicateIds_areReportedAtTheSecondOne() throws IOException {
    assertThat(problems("""
        skills: [general, general]
        notReadyReasons: [lunch, lunch, no-answer, login]
        queues: [{id: a}, {id: a}]
        lines: [{id: l, queue: a}, {id: l, queue: a}]
        agents:
          - {id: "1", endpoint: PJSIP/1}
          - {id: "1", endpoint: PJSIP/2}
          - {id: "3", endpoint: PJSIP/1}
        """)).containsExactly(
        "1:19: skills[1]: duplicate skill 'general' (first given at line 1)",
        "2:26: notReadyReasons[1]: duplicate reason 'lunch' (first given at line 2)",
        "2:33: notReadyReasons[2]: reason 'no-answer' is built in; remove it from the list",
        "2:44: notReadyReasons[3]: reason 'login' is built in; remove it from the list",
        "3:24: queues[1].id: duplicate id 'a'",
        "4:33: lines[1].id: duplicate id 'l'",
        "7:10: agents[1].id: duplicate id '1'",
        "8:25: agents[2].endpoint: endpoint 'PJSIP/1' is already used by agent 1 (agents[0])");
  }

  // ---- all at once -----------------------------------------------------------------------

  @Test
  void severalProblems_areAllReportedInFileOrder_andTheMessageListsEveryOne() throws IOException {
    Path file = dir.resolve("acd.yaml");
    Files.writeString(file, """
        settings: {timeZone: Mars/Olympus}
        queues:
          - id: a
            strategy: fastest
          - id: b
            wrapup: 10s
        lines: [{id: l, queue: c}]
        """);
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));

    assertThat(e.problems()).extracting(ConfigProblem::line).containsExactly(1, 4, 6, 7);
    assertThat(e.getMessage()).isEqualTo(String.join("\n",
        file + ":1:22: settings.timeZone: unknown time zone 'Mars/Olympus'"
            + " (an IANA zone such as Asia/Shanghai, or UTC)",
        file + ":4:15: queues[0].strategy: unknown strategy 'fastest'"
            + " (one of longest-idle, fewest-calls, least-talk-time, round-robin, best-skill)",
        file + ":6:5: queues[1].wrapup: unknown key 'wrapup'; did you mean 'wrapUp'?"
            + " (allowed: id, name, skills, strategy, ringTimeout, wrapUp, thresholds, maxWait, maxLength,"
            + " overflow, relaxation, joinWhenEmpty, leaveWhenEmpty, announceEvery)",
        file + ":7:24: lines[0].queue: unknown queue 'c' (line l)"));
  }

  @Test
  void problem_printsLikeACompilerMessage() {
    ConfigProblem p = new ConfigProblem("config/acd.yaml", 42, 7, "queues[2].strategy", "unknown strategy 'x'");
    assertThat(p).hasToString("config/acd.yaml:42:7: queues[2].strategy: unknown strategy 'x'");
  }

  @Test
  void securitySection_badValues_areReportedWithTheirPositions() throws IOException {
    assertThat(problems("""
        queues: []
        notReadyReasons: [break]
        security:
          secondLogin: kick
          heartbeat: 30s
          heartbeatTimeout: 10s
          disconnectReason: gone
          allowedOrigins: [https://ok.example, "https://bad.example/path"]
          maxFrameBytes: 10
        agents:
          - {id: a1, endpoint: PJSIP/a1, secretHash: plain-text}
        dispositions: {ok: fine, "bad id": x}
        """)).containsExactlyInAnyOrder(
        "4:16: security.secondLogin: secondLogin must be takeover or refuse, was 'kick'",
        "6:21: security.heartbeatTimeout: heartbeatTimeout (10s) must be longer than heartbeat (30s)",
        "8:40: security.allowedOrigins[1]: an origin is scheme://host[:port] with no path, e.g. https://acd.example.org"
            + " or http://127.0.0.1:8080; was 'https://bad.example/path'",
        "9:18: security.maxFrameBytes: maxFrameBytes must be 256-1048576, was 10",
        "11:46: agents[0].secretHash: secretHash must start with 'pbkdf2-sha256$' (make one with: bin/acd hash-secret)",
        "12:26: dispositions.bad id: invalid disposition 'bad id': use letters, digits, '.', '_' and '-', starting with a letter or digit",
        "7:21: security.disconnectReason: unknown not-ready reason 'gone' (one of break)");
  }
}
