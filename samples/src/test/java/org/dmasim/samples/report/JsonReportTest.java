package org.dmasim.samples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmasim.driver.api.FindingClass;
import org.junit.jupiter.api.Test;

class JsonReportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> CELL_FIELDS =
      List.of("sample", "strategy", "arch", "profile", "outcomes", "expectation", "debug", "cost");

  private static JsonNode parse() throws Exception {
    return MAPPER.readTree(ReportFormat.JSON.render(ReportFixtures.report()));
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void topLevelCarriesTheContractAndNoWallTime() throws Exception {
    JsonNode root = parse();
    assertThat(names(root)).containsExactly("tool", "version", "seed", "runs", "results");
    assertThat(root.get("tool").asText()).isEqualTo("dmasim");
    assertThat(root.get("version").asText()).isEqualTo("0.1.0");
    assertThat(root.get("seed").isIntegralNumber()).isTrue();
    assertThat(root.get("seed").asLong()).isEqualTo(1);
    assertThat(root.get("runs").asInt()).isEqualTo(200);
    assertThat(root.get("results").size()).isEqualTo(12);
  }

  @Test
  void everyCellCarriesTheContractFieldsInOrder() throws Exception {
    for (JsonNode cell : parse().get("results")) {
      List<String> names = names(cell);
      assertThat(names.subList(0, CELL_FIELDS.size())).isEqualTo(CELL_FIELDS);
      assertThat(names.subList(CELL_FIELDS.size(), names.size())).isSubsetOf("frequencies", "failure");
      assertThat(names(cell.get("outcomes"))).containsExactly("OK", "STALE_READ", "DMA_DATA_CORRUPTED",
          "CPU_WRITE_LOST");
      assertThat(names(cell.get("debug")))
          .containsExactlyElementsOf(Arrays.stream(FindingClass.values()).map(Enum::name).toList());
      assertThat(names(cell.get("cost"))).containsExactly("cycles", "misses", "maintenanceOps", "uncachedAccesses",
          "paddingBytes");
      assertThat(cell.get("expectation").asText()).isIn("ACCEPTABLE", "INTERESTING_OBSERVED", "FORBIDDEN_OBSERVED");
    }
  }

  @Test
  void theFailingCellHasItsValues() throws Exception {
    JsonNode cell = parse().get("results").get(1);
    assertThat(cell.get("sample").asText()).isEqualTo("iostruct");
    assertThat(cell.get("strategy").asText()).isEqualTo("embedded");
    assertThat(cell.get("arch").asText()).isEqualTo("arm-noncoherent");
    assertThat(cell.get("profile").asText()).isEqualTo("arm64");
    assertThat(MAPPER.convertValue(cell.get("outcomes"), new TypeReference<LinkedHashMap<String, Integer>>() { }))
        .isEqualTo(Map.of("OK", 120, "STALE_READ", 0, "DMA_DATA_CORRUPTED", 80, "CPU_WRITE_LOST", 0));
    assertThat(cell.get("expectation").asText()).isEqualTo("FORBIDDEN_OBSERVED");
    JsonNode debug = cell.get("debug");
    assertThat(debug.get("CPU_TOUCHED_DEVICE_LINE").asLong()).isEqualTo(200);
    assertThat(debug.get("EEXIST_OVERLAP").asLong()).isEqualTo(3);
    assertThat(debug.get("SIZE_MISMATCH").asLong()).isZero();
    JsonNode cost = cell.get("cost");
    assertThat(cost.get("cycles").asLong()).isEqualTo(1234);
    assertThat(cost.get("misses").asLong()).isEqualTo(5);
    assertThat(cost.get("maintenanceOps").asLong()).isEqualTo(6);
    assertThat(cost.get("uncachedAccesses").asLong()).isEqualTo(7);
    assertThat(cost.get("paddingBytes").asLong()).isEqualTo(8);
    assertThat(cell.get("frequencies").get("DMA_DATA_CORRUPTED").asText()).isEqualTo("Sometimes");
    assertThat(cell.get("frequencies").get("STALE_READ").asText()).isEqualTo("Never");
    JsonNode failure = cell.get("failure");
    assertThat(names(failure)).containsExactly("seed", "outcome", "reasons");
    assertThat(failure.get("seed").asLong()).isEqualTo(42);
    assertThat(failure.get("outcome").asText()).isEqualTo("DMA_DATA_CORRUPTED");
  }

  @Test
  void cellsWithoutAFailureHaveNoFailureField() throws Exception {
    JsonNode cell = parse().get("results").get(0);
    assertThat(cell.has("failure")).isFalse();
    assertThat(cell.get("expectation").asText()).isEqualTo("ACCEPTABLE");
    assertThat(cell.get("frequencies").get("OK").asText()).isEqualTo("Always");
  }

  @Test
  void reasonsSurviveEscaping() throws Exception {
    String json = ReportFormat.JSON.render(ReportFixtures.report());
    JsonNode reasons = MAPPER.readTree(json).get("results").get(1).get("failure").get("reasons");
    assertThat(reasons.get(0).asText()).isEqualTo(ReportFixtures.NASTY_REASON);
    assertThat(json).contains("holds \\\"00\\\"", "C:\\\\dev\\\\dma", "\\u000a", "\\u0009", "\\u0001");
  }

  @Test
  void writerEscapesQuotesBackslashesControlsAndLoneSurrogates() throws Exception {
    assertThat(JsonWriter.quote("a\"b\\c\nd\u001fe\u2028")).isEqualTo("\"a\\\"b\\\\c\\u000ad\\u001fe\\u2028\"");
    assertThat(JsonWriter.quote("\ud83d\ude00 ok \ud83d")).isEqualTo("\"\ud83d\ude00 ok \\ud83d\"");
    String all = new String(new char[] {0, 1, 7, 8, 9, 10, 12, 13, 27, 31, 127, '/'});
    assertThat(MAPPER.readTree(JsonWriter.quote(all)).asText()).isEqualTo(all);
  }

  @Test
  void writerPrettyPrintsWithTwoSpaces() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("a", 1L);
    value.put("b", List.of("x", true));
    value.put("c", Map.of());
    value.put("d", List.of());
    value.put("e", null);
    assertThat(JsonWriter.write(value)).isEqualTo("""
        {
          "a": 1,
          "b": [
            "x",
            true
          ],
          "c": {},
          "d": [],
          "e": null
        }
        """);
    assertThatThrownBy(() -> JsonWriter.write(1.5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSameReportGivesTheSameBytesWhateverTheWallTime() {
    assertThat(ReportFormat.JSON.render(ReportFixtures.report(1, 1)))
        .isEqualTo(ReportFormat.JSON.render(ReportFixtures.report(98765, 32)));
  }

  @Test
  void keysAreUniqueInEveryObject() throws Exception {
    Iterator<JsonNode> cells = parse().get("results").elements();
    while (cells.hasNext()) {
      List<String> names = names(cells.next());
      assertThat(names).doesNotHaveDuplicates();
    }
  }
}
