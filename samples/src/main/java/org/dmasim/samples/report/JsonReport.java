package org.dmasim.samples.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmasim.samples.compare.CellResult;
import org.dmasim.samples.compare.ComparisonReport;
import org.dmasim.samples.compare.CostSummary;
import org.dmasim.samples.compare.FailureExample;
import org.dmasim.samples.drivers.Outcome;

/**
 * The JSON contract. Top level: {@code tool}, {@code version}, {@code seed}, {@code runs},
 * {@code results}. Each result: {@code sample}, {@code strategy}, {@code arch}, {@code profile},
 * {@code outcomes} (all four outcomes, declaration order), {@code expectation}, {@code debug}
 * (every {@code FindingClass} name in enum order, then any other name the cell carries),
 * {@code cost} ({@code cycles}, {@code misses}, {@code maintenanceOps}, {@code uncachedAccesses},
 * {@code paddingBytes}); then {@code frequencies} (herd's word per outcome) and, for a cell
 * that failed, {@code failure} ({@code seed}, {@code outcome}, {@code reasons}). Wall time and
 * thread count are left out: the same seed and configuration give the same bytes.
 */
final class JsonReport {
  private JsonReport() {}

  static String render(ComparisonReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("tool", report.tool());
    root.put("version", report.version());
    root.put("seed", report.seed());
    root.put("runs", report.runs());
    List<Object> results = new ArrayList<>();
    for (CellResult cell : report.results()) {
      results.add(cell(cell));
    }
    root.put("results", results);
    return JsonWriter.write(root);
  }

  private static Map<String, Object> cell(CellResult cell) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("sample", cell.key().sample());
    json.put("strategy", cell.key().strategy());
    json.put("arch", cell.key().architecture());
    json.put("profile", cell.key().profile());
    Map<String, Object> outcomes = new LinkedHashMap<>();
    Map<String, Object> frequencies = new LinkedHashMap<>();
    for (Outcome outcome : Outcome.values()) {
      outcomes.put(outcome.name(), cell.outcomes().get(outcome));
      frequencies.put(outcome.name(), cell.frequency(outcome).label());
    }
    json.put("outcomes", outcomes);
    json.put("expectation", cell.expectation().name());
    json.put("debug", new LinkedHashMap<String, Object>(ReportView.debugFindings(cell, true)));
    CostSummary cost = cell.cost();
    Map<String, Object> costs = new LinkedHashMap<>();
    costs.put("cycles", cost.cycles());
    costs.put("misses", cost.misses());
    costs.put("maintenanceOps", cost.maintenanceOps());
    costs.put("uncachedAccesses", cost.uncachedAccesses());
    costs.put("paddingBytes", cost.paddingBytes());
    json.put("cost", costs);
    json.put("frequencies", frequencies);
    cell.failure().ifPresent(failure -> json.put("failure", failure(failure)));
    cell.notApplicable().ifPresent(reason -> json.put("notApplicable", reason));
    return json;
  }

  private static Map<String, Object> failure(FailureExample failure) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("seed", failure.seed());
    json.put("outcome", failure.outcome().name());
    json.put("reasons", failure.reasons());
    return json;
  }
}
