package org.lr4j.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/** Checks that a file is a real PNG or SVG (shared with the CLI's tests through the test jar). */
public final class ImageChecks {
    public static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ImageChecks() {
    }

    /** Asserts the PNG signature, decodes the image and returns it. */
    public static BufferedImage readPng(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(bytes, PNG_MAGIC.length), file + ": PNG signature");
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + ": ImageIO cannot decode it");
        return image;
    }

    /** Parses an SVG file as XML without fetching its DTD, asserts the root is svg, returns the document. */
    public static Document readSvg(Path file) throws IOException, ParserConfigurationException, SAXException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder b = f.newDocumentBuilder();
        try (InputStream in = Files.newInputStream(file)) {
            Document d = b.parse(in);
            assertEquals("svg", d.getDocumentElement().getLocalName(), file + ": root element");
            return d;
        }
    }

    /** The text of the root's first child element named {@code name} ({@code title}, {@code desc}). */
    public static String svgChild(Document d, String name) {
        var nodes = d.getDocumentElement().getElementsByTagNameNS("*", name);
        assertTrue(nodes.getLength() > 0, "no <" + name + "> in the SVG");
        return nodes.item(0).getTextContent();
    }

    /** How many elements named {@code name} the document holds. */
    public static int count(Document d, String name) {
        return d.getElementsByTagNameNS("*", name).getLength();
    }
}
