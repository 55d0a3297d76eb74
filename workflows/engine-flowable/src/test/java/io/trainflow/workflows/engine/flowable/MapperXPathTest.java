package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The XPath MyBatis reads Flowable's mapping files with must select what the JDK's XPath selects. */
class MapperXPathTest {

    private final XPath ours = new MapperXPath().newXPath();
    private final XPath jdk = XPathFactory.newDefaultInstance().newXPath();

    @Test
    void selectsWhatTheJdkSelectsInEveryFlowableMappingFile() throws Exception {
        Document mappings = parse(resource("org/flowable/db/mapping/mappings.xml"));
        assertSame(mappings, "/configuration");
        Node configuration = (Node) ours.evaluate("/configuration", mappings, XPathConstants.NODE);
        for (String part : List.of("settings", "typeAliases", "typeHandlers", "mappers", "properties")) {
            assertSame(configuration, part);
        }
        NodeList mappers = (NodeList) ours.evaluate("/configuration/mappers/mapper", mappings, XPathConstants.NODESET);
        assertThat(mappers.getLength()).isGreaterThan(20);
        int statements = 0;
        for (int i = 0; i < mappers.getLength(); i++) {
            Document mapper = parse(resource(((Element) mappers.item(i)).getAttribute("resource")));
            assertSame(mapper, "/mapper");
            Node root = (Node) ours.evaluate("/mapper", mapper, XPathConstants.NODE);
            for (String part : List.of(
                    "cache-ref",
                    "cache",
                    "/mapper/parameterMap",
                    "/mapper/resultMap",
                    "/mapper/sql",
                    "select|insert|update|delete")) {
                assertSame(root, part);
            }
            NodeList found = (NodeList) ours.evaluate("select|insert|update|delete", root, XPathConstants.NODESET);
            for (int s = 0; s < found.getLength(); s++) {
                assertSame(found.item(s), "selectKey");
                statements++;
            }
        }
        assertThat(statements).isGreaterThan(500);
    }

    @Test
    void aUnionIsInDocumentOrderAndAPathCrossesParents() throws Exception {
        Document doc = parse(xml("<m><select id='1'/><insert id='2'><a><b id='x'/></a></insert><select id='3'/>"
                + "<a><b id='y'/><b id='z'/></a></m>"));
        Node m = doc.getDocumentElement();
        assertThat(ids((NodeList) ours.evaluate("select|insert|select", m, XPathConstants.NODESET)))
                .containsExactly("1", "2", "3");
        assertThat(ids((NodeList) ours.evaluate("/m/*/a/b", doc, XPathConstants.NODESET)))
                .containsExactly("x");
        assertThat(ids((NodeList) ours.evaluate("/m/a/b", m.getFirstChild(), XPathConstants.NODESET)))
                .containsExactly("y", "z");
        assertThat(ours.evaluate("missing", m, XPathConstants.NODE)).isNull();
        for (String expression : List.of("select|insert", "/m/a/b", "a/b", "missing", "/m/*/a/b")) {
            assertSame(m, expression);
        }
    }

    @Test
    void whatIsNotAPlainChildPathIsTheJdksToAnswer() throws Exception {
        Document doc = parse(xml("<m><select id='1'/><select id='2'/><x:y xmlns:x='urn:x'/></m>"));
        Node m = doc.getDocumentElement();
        assertThat(ours.evaluate("count(select)", m, XPathConstants.NUMBER)).isEqualTo(2.0);
        assertThat(ours.evaluate("select[2]/@id", m, XPathConstants.STRING)).isEqualTo("2");
        assertThat(ids((NodeList) ours.evaluate("//select", m, XPathConstants.NODESET)))
                .containsExactly("1", "2");
        assertThat(MapperXPath.ChildPaths.select("select", m)).isNull(); // a child with a prefix: the JDK decides
        assertThat(MapperXPath.ChildPaths.select("select[1]", m)).isNull();
        assertThat(MapperXPath.ChildPaths.select("a||b", m)).isNull();
    }

    @Test
    void isTheFactoryOnlyWhileTheEngineIsBuiltAndOnlyIfNothingElseWasConfigured() {
        // WireMock, on the test class path, names the JDK's factory for the whole JVM: restored afterwards
        String configured = System.clearProperty(MapperXPath.PROPERTY);
        try {
            XPathFactory during = MapperXPath.during(XPathFactory::newInstance);
            assertThat(during).isInstanceOf(MapperXPath.class);
            assertThat(XPathFactory.newInstance()).isNotInstanceOf(MapperXPath.class);
            assertThat(System.getProperty(MapperXPath.PROPERTY)).isNull();

            String jdk = XPathFactory.newDefaultInstance().getClass().getName();
            System.setProperty(MapperXPath.PROPERTY, jdk);
            XPathFactory other = MapperXPath.during(XPathFactory::newInstance);
            assertThat(other.getClass().getName()).isEqualTo(jdk);
            assertThat(System.getProperty(MapperXPath.PROPERTY)).isEqualTo(jdk);
        } finally {
            if (configured != null) {
                System.setProperty(MapperXPath.PROPERTY, configured);
            } else {
                System.clearProperty(MapperXPath.PROPERTY);
            }
        }
    }

    private void assertSame(Node context, String expression) throws Exception {
        NodeList expected = (NodeList) jdk.evaluate(expression, context, XPathConstants.NODESET);
        NodeList actual = (NodeList) ours.evaluate(expression, context, XPathConstants.NODESET);
        assertThat(nodes(actual)).as(expression).containsExactlyElementsOf(nodes(expected));
        assertThat(ours.evaluate(expression, context, XPathConstants.NODE))
                .as(expression)
                .isSameAs(jdk.evaluate(expression, context, XPathConstants.NODE));
    }

    private static List<Node> nodes(NodeList list) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            nodes.add(list.item(i));
        }
        return nodes;
    }

    private static List<String> ids(NodeList list) {
        return nodes(list).stream().map(n -> ((Element) n).getAttribute("id")).toList();
    }

    private static InputStream resource(String name) {
        InputStream in = MapperXPathTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

    private static InputStream xml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** As MyBatis parses: without namespaces, the DTD not fetched. */
    private static Document parse(InputStream in) throws Exception {
        DocumentBuilder builder = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder();
        builder.setEntityResolver((publicId, systemId) -> new InputSource(new ByteArrayInputStream(new byte[0])));
        try (in) {
            return builder.parse(in);
        }
    }
}
