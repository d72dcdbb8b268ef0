package org.dmasim.samples.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReportTest {
  private final String xml = ReportFormat.JUNIT.render(ReportFixtures.report());

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> elements(Document document, String name) {
    NodeList nodes = document.getElementsByTagName(name);
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }

  @Test
  void parsesWithATestCasePerCellAndAFailurePerForbiddenCell() throws Exception {
    Document document = parse(xml);
    Element root = document.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("tests")).isEqualTo("12");
    assertThat(root.getAttribute("failures")).isEqualTo("2");
    assertThat(elements(document, "testsuite")).extracting(suite -> suite.getAttribute("name"))
        .containsExactly("dmasim.iostruct", "dmasim.netring");
    assertThat(elements(document, "testsuite")).extracting(suite -> suite.getAttribute("failures"))
        .containsExactly("2", "0");
    assertThat(elements(document, "testcase")).hasSize(12);
    assertThat(elements(document, "failure")).hasSize(2);
    assertThat(elements(document, "testcase").get(0).getAttribute("classname")).isEqualTo("dmasim.iostruct.embedded");
    assertThat(elements(document, "testcase").get(0).getAttribute("name")).isEqualTo("x86/x86-64");
  }

  @Test
  void failureNamesTheForbiddenOutcomesAndReasons() throws Exception {
    Element failure = elements(parse(xml), "failure").get(0);
    Element testcase = (Element) failure.getParentNode();
    assertThat(testcase.getAttribute("classname")).isEqualTo("dmasim.iostruct.embedded");
    assertThat(testcase.getAttribute("name")).isEqualTo("arm-noncoherent/arm64");
    assertThat(failure.getAttribute("message")).startsWith(
        "forbidden outcomes observed: DMA_DATA_CORRUPTED 80/200 (Sometimes); first failure, seed 42: ")
        .contains(ReportFixtures.NASTY_REASON.replace("\u0001", "\\u0001").replace('\n', ' '))
        .doesNotContain("\n");
    assertThat(failure.getTextContent()).contains("OK 120, STALE_READ 0, DMA_DATA_CORRUPTED 80, CPU_WRITE_LOST 0",
        "debug findings: EEXIST_OVERLAP 3, CPU_TOUCHED_DEVICE_LINE 200", "timeline (watched line 0x1000):",
        "driver reads <status> & \"done\"");
  }

  @Test
  void interestingCellsTellTheirStoryInSystemOut() throws Exception {
    List<Element> outputs = elements(parse(xml), "system-out");
    Element interesting = outputs.stream()
        .filter(out -> ((Element) out.getParentNode()).getAttribute("classname").equals("dmasim.netring.streaming"))
        .findFirst().orElseThrow();
    assertThat(interesting.getTextContent()).startsWith("interesting outcomes observed: STALE_READ 37/200 (Sometimes)")
        .contains("first failure: seed 99, STALE_READ");
  }

  @Test
  void isDeterministic() {
    assertThat(ReportFormat.JUNIT.render(ReportFixtures.report(1, 99))).isEqualTo(xml);
    assertThat(xml).doesNotContain("time=");
  }
}
