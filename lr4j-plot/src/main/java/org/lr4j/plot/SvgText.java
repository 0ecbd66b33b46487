package org.lr4j.plot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.DocumentType;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Adds SVG's own {@code <title>} and {@code <desc>} elements to an SVG document. XChart draws every
 * glyph as a filled outline, so its SVG holds no text; these elements carry the chart's title, axis names
 * and series labels as text (for screen readers, search and tools reading the file).
 */
final class SvgText {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    private SvgText() {
    }

    /**
     * The document with {@code <title>title</title><desc>desc</desc>} as the first children of its root.
     *
     * @throws IOException when {@code svg} is not a well-formed SVG document
     */
    static byte[] annotate(byte[] svg, String title, String desc) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder b = f.newDocumentBuilder();
            Document d = b.parse(new ByteArrayInputStream(svg));
            Element root = d.getDocumentElement();
            if (!"svg".equals(root.getLocalName())) {
                throw new IOException("not an SVG document: root element is " + root.getNodeName());
            }
            Node first = root.getFirstChild();
            Element t = d.createElementNS(SVG_NS, "title");
            t.setTextContent(title);
            Element ds = d.createElementNS(SVG_NS, "desc");
            ds.setTextContent(desc);
            root.insertBefore(t, first);
            root.insertBefore(ds, first);

            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer tr = tf.newTransformer();
            tr.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            DocumentType type = d.getDoctype();
            if (type != null && type.getPublicId() != null && type.getSystemId() != null) {
                tr.setOutputProperty(OutputKeys.DOCTYPE_PUBLIC, type.getPublicId());
                tr.setOutputProperty(OutputKeys.DOCTYPE_SYSTEM, type.getSystemId());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(svg.length + 512);
            tr.transform(new DOMSource(d), new StreamResult(out));
            return out.toByteArray();
        } catch (ParserConfigurationException | SAXException | TransformerException e) {
            throw new IOException("cannot add title to SVG: " + e.getMessage(), e);
        }
    }
}
