package org.dmasim.samples.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmasim.samples.compare.CellResult;
import org.dmasim.samples.compare.ComparisonReport;
import org.dmasim.samples.compare.CostSummary;
import org.dmasim.samples.compare.ExhaustiveCell;
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
 *
 * <p>An exhaustive comparison adds at the top {@code "exhaustive": true}, {@code bounds} and
 * {@code reductions} ({@code runs} is 0), and to each explored cell {@code "exhaustive": true},
 * {@code complete}, {@code executions}, {@code states}, {@code transitions}, {@code cut} (runs cut
 * at a merged state), {@code schedules} (per outcome, counted through merged states) and
 * {@code shortest} (per reachable failure: {@code nonQuiet}, {@code choices}, {@code steps});
 * its {@code outcomes} count executions and its {@code failure} has no seed.
 */
final class JsonReport {
  private JsonReport() {}

  static String render(ComparisonReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("tool", report.tool());
    root.put("version", report.version());
    root.put("seed", report.seed());
    root.put("runs", report.runs());
    report.results().stream().map(CellResult::exhaustive).flatMap(java.util.Optional::stream).findFirst()
        .ifPresent(exhaustive -> {
          root.put("exhaustive", true);
          root.put("bounds", exhaustive.bounds());
          root.put("reductions", exhaustive.reductions());
        });
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
    cell.exhaustive().ifPresent(exhaustive -> exhaustive(exhaustive, json));
    cell.failure().ifPresent(failure -> json.put("failure", failure(failure, cell.exhaustive().isPresent())));
    cell.notApplicable().ifPresent(reason -> json.put("notApplicable", reason));
    return json;
  }

  /** An explored cell's counts, schedules per outcome and shortest failing schedules. */
  private static void exhaustive(ExhaustiveCell exhaustive, Map<String, Object> json) {
    json.put("exhaustive", true);
    json.put("complete", exhaustive.complete());
    json.put("executions", exhaustive.executions());
    json.put("states", exhaustive.states());
    json.put("transitions", exhaustive.transitions());
    json.put("cut", exhaustive.cut());
    Map<String, Object> schedules = new LinkedHashMap<>();
    for (Outcome outcome : Outcome.values()) {
      schedules.put(outcome.name(), exhaustive.schedules().getOrDefault(outcome, 0L));
    }
    json.put("schedules", schedules);
    Map<String, Object> shortest = new LinkedHashMap<>();
    exhaustive.shortest().forEach((outcome, schedule) -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("nonQuiet", schedule.nonQuiet());
      entry.put("choices", schedule.choices());
      entry.put("steps", schedule.steps());
      shortest.put(outcome.name(), entry);
    });
    json.put("shortest", shortest);
  }

  private static Map<String, Object> failure(FailureExample failure, boolean exhaustive) {
    Map<String, Object> json = new LinkedHashMap<>();
    if (!exhaustive) {
      json.put("seed", failure.seed());
    }
    json.put("outcome", failure.outcome().name());
    json.put("reasons", failure.reasons());
    return json;
  }
}
