package io.trainflow.workflows.engine.flowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathFunctionResolver;
import javax.xml.xpath.XPathVariableResolver;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The XPath MyBatis reads Flowable's mapping files with, while the engine is built. MyBatis finds each mapper's parts
 * with child paths ({@code /mapper/resultMap}, {@code select|insert|update|delete}, {@code selectKey}); the JDK's
 * XPath wraps the whole document anew for every evaluation and walks it up to the context node, so each statement
 * paid for the statements before it: parsing the mapping files was the largest single cost of start-up (README
 * "Start-up"). Child paths of plain element names are answered on the DOM directly, in document order as XPath
 * defines; every other expression, type or node goes to the JDK's own XPath.
 */
public final class MapperXPath extends XPathFactory {

    /** The property {@link XPathFactory#newInstance()} looks up first for the DOM object model. */
    static final String PROPERTY = "javax.xml.xpath.XPathFactory:" + XPathFactory.DEFAULT_OBJECT_MODEL_URI;

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    /** Engine builds running now with this factory set. */
    private static int builds;

    private final XPathFactory jdk = XPathFactory.newDefaultInstance();

    /**
     * Runs {@code build} with this factory as the one {@link XPathFactory#newInstance()} returns (MyBatis has no other
     * seam), unless something else was configured or the thread's class loader cannot see this class. Engines built
     * at the same time share the setting; the last one to finish removes it.
     */
    static <T> T during(Supplier<T> build) {
        boolean entered = enter();
        try {
            return build.get();
        } finally {
            if (entered) {
                leave();
            }
        }
    }

    private static synchronized boolean enter() {
        if (builds == 0) {
            if (System.getProperty(PROPERTY) != null || !visible()) {
                return false;
            }
            System.setProperty(PROPERTY, MapperXPath.class.getName());
        }
        builds++;
        return true;
    }

    private static synchronized void leave() {
        if (--builds == 0) {
            System.clearProperty(PROPERTY);
        }
    }

    private static boolean visible() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return Class.forName(MapperXPath.class.getName(), false, loader) == MapperXPath.class;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public boolean isObjectModelSupported(String objectModel) {
        return XPathFactory.DEFAULT_OBJECT_MODEL_URI.equals(objectModel);
    }

    @Override
    public void setFeature(String name, boolean value) throws javax.xml.xpath.XPathFactoryConfigurationException {
        jdk.setFeature(name, value);
    }

    @Override
    public boolean getFeature(String name) throws javax.xml.xpath.XPathFactoryConfigurationException {
        return jdk.getFeature(name);
    }

    @Override
    public void setXPathVariableResolver(XPathVariableResolver resolver) {
        jdk.setXPathVariableResolver(resolver);
    }

    @Override
    public void setXPathFunctionResolver(XPathFunctionResolver resolver) {
        jdk.setXPathFunctionResolver(resolver);
    }

    @Override
    public XPath newXPath() {
        return new ChildPaths(jdk.newXPath());
    }

    /** Answers child paths itself; everything else is the JDK's XPath's. */
    static final class ChildPaths implements XPath {
        private final XPath jdk;

        ChildPaths(XPath jdk) {
            this.jdk = jdk;
        }

        @Override
        public Object evaluate(String expression, Object item, QName returnType) throws XPathExpressionException {
            boolean nodes = XPathConstants.NODESET.equals(returnType);
            if ((nodes || XPathConstants.NODE.equals(returnType)) && item instanceof Node node) {
                List<Element> found = select(expression, node);
                if (found != null) {
                    return nodes ? new Elements(found) : found.isEmpty() ? null : found.get(0);
                }
            }
            return jdk.evaluate(expression, item, returnType);
        }

        /**
         * The elements {@code expression} selects from {@code context}, or null when it is not a child path of plain
         * names ({@code a}, {@code a/b}, {@code /a/b}) or a union of single names ({@code a|b}) on an element tree
         * without namespaces.
         */
        static List<Element> select(String expression, Node context) {
            if (context.getNodeType() != Node.ELEMENT_NODE && context.getNodeType() != Node.DOCUMENT_NODE) {
                return null;
            }
            if (expression.indexOf('|') >= 0) {
                Set<String> names = Set.copyOf(java.util.Arrays.asList(expression.split("\\|", -1)));
                if (!names.stream().allMatch(n -> NAME.matcher(n).matches())) {
                    return null;
                }
                // one step from one context node: its children, already in document order
                return children(context, names);
            }
            boolean absolute = expression.startsWith("/");
            String[] steps = (absolute ? expression.substring(1) : expression).split("/", -1);
            for (String step : steps) {
                if (!NAME.matcher(step).matches()) {
                    return null;
                }
            }
            Node start = absolute && context.getNodeType() != Node.DOCUMENT_NODE ? context.getOwnerDocument() : context;
            List<Node> current = List.of(start);
            List<Element> found = List.of();
            for (String step : steps) {
                found = new ArrayList<>();
                for (Node parent : current) {
                    List<Element> matched = children(parent, Set.of(step));
                    if (matched == null) {
                        return null;
                    }
                    found.addAll(matched);
                }
                current = List.copyOf(found);
            }
            return found;
        }

        /** Child elements with one of {@code names}; null if any child element has a namespace or a prefix. */
        private static List<Element> children(Node parent, Set<String> names) {
            List<Element> found = new ArrayList<>();
            for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element) {
                    // a prefix, even on a tree parsed without namespaces, makes XPath compare local names: the JDK's
                    if (element.getNamespaceURI() != null
                            || element.getNodeName().indexOf(':') >= 0) {
                        return null;
                    }
                    if (names.contains(element.getNodeName())) {
                        found.add(element);
                    }
                }
            }
            return found;
        }

        @Override
        public String evaluate(String expression, Object item) throws XPathExpressionException {
            return jdk.evaluate(expression, item);
        }

        @Override
        public Object evaluate(String expression, org.xml.sax.InputSource source, QName returnType)
                throws XPathExpressionException {
            return jdk.evaluate(expression, source, returnType);
        }

        @Override
        public String evaluate(String expression, org.xml.sax.InputSource source) throws XPathExpressionException {
            return jdk.evaluate(expression, source);
        }

        @Override
        public XPathExpression compile(String expression) throws XPathExpressionException {
            return jdk.compile(expression);
        }

        @Override
        public void reset() {
            jdk.reset();
        }

        @Override
        public void setXPathVariableResolver(XPathVariableResolver resolver) {
            jdk.setXPathVariableResolver(resolver);
        }

        @Override
        public XPathVariableResolver getXPathVariableResolver() {
            return jdk.getXPathVariableResolver();
        }

        @Override
        public void setXPathFunctionResolver(XPathFunctionResolver resolver) {
            jdk.setXPathFunctionResolver(resolver);
        }

        @Override
        public XPathFunctionResolver getXPathFunctionResolver() {
            return jdk.getXPathFunctionResolver();
        }

        @Override
        public void setNamespaceContext(NamespaceContext context) {
            jdk.setNamespaceContext(context);
        }

        @Override
        public NamespaceContext getNamespaceContext() {
            return jdk.getNamespaceContext();
        }
    }

    private record Elements(List<Element> elements) implements NodeList {
        @Override
        public Node item(int index) {
            return index >= 0 && index < elements.size() ? elements.get(index) : null;
        }

        @Override
        public int getLength() {
            return elements.size();
        }
    }
}
