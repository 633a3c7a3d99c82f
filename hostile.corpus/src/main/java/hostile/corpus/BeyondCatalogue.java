package hostile.corpus;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.logging.FileHandler;
import javax.imageio.ImageIO;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

/**
 * JDK wrappers the catalogue does not name, that write files for their caller. They are blocked because the table
 * has the wrapper itself (a caller-side guard cannot see the primitive inside JDK code; see docs/enforcement.md).
 */
final class BeyondCatalogue {
    private BeyondCatalogue() {
    }

    static void register(Map<String, Action> m) {
        m.put("X.imageIoWrite", in -> String.valueOf(
                ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", in.dir().resolve("x.png").toFile())));
        m.put("X.loggingFileHandler", in -> {
            new FileHandler(in.dir().resolve("x.log").toString()).close();
            return "created";
        });
        m.put("X.xmlTransformToFile", in -> {
            var doc = javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
            doc.appendChild(doc.createElement("x"));
            TransformerFactory.newDefaultInstance().newTransformer()
                    .transform(new DOMSource(doc), new StreamResult(in.dir().resolve("x.xml").toFile()));
            return "written";
        });
    }
}
