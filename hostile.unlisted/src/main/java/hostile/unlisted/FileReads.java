package hostile.unlisted;

import java.awt.Font;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.stream.FileImageInputStream;
import javax.sound.midi.MidiSystem;
import javax.sound.sampled.AudioSystem;
import javax.swing.ImageIcon;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;

/**
 * File reads done by JDK code: the plugin passes a {@code File} or a name and the wrapper opens it. The files are the
 * test's, outside the plugin's data folder.
 */
final class FileReads {
    private FileReads() {
    }

    static void register(Map<String, Action> m) {
        // java.base: Files.mismatch (JDK 12) is the one Files method reading content that is not a row; comparing
        // a guess in the data folder with the secret is a read oracle (-1: identical)
        m.put("read.filesMismatch", in -> {
            Path guess = in.data().resolve("guess.txt");
            Files.writeString(guess, "unlisted secret");
            return "mismatch " + Files.mismatch(guess, in.file("secret.txt").toPath());
        });
        // java.desktop: TrueTypeFont opens the file with RandomAccessFile
        m.put("read.fontCreateFont", in -> Font.createFont(Font.TRUETYPE_FONT, in.file("font.ttf")).getFontName());
        // java.desktop: the sound file readers open a FileInputStream
        m.put("read.audioFileFormat", in -> AudioSystem.getAudioFileFormat(in.file("sound.wav")).getType().toString());
        m.put("read.midiGetSequence", in -> "resolution " + MidiSystem.getSequence(in.file("song.mid")).getResolution());
        // java.desktop: a RandomAccessFile inside the image stream
        m.put("read.fileImageInputStream", in -> {
            try (FileImageInputStream s = new FileImageInputStream(in.file("secret.txt"))) {
                byte[] b = new byte[(int) s.length()];
                s.readFully(b);
                return new String(b, StandardCharsets.UTF_8);
            }
        });
        // java.desktop: the image is read later by an AWT "Image Fetcher" thread; ImageIcon waits for it (MediaTracker)
        // (the Toolkit caches images by name: the test gives every run its own copy, input "image")
        m.put("read.imageIcon", in -> "width " + new ImageIcon(in.file(in.name("image")).getPath()).getIconWidth());
        // the same call while the fetcher threads were started by someone else (the test warms them up first)
        m.put("read.imageIconSharedFetcher", m.get("read.imageIcon"));
        // java.xml: the parser opens the system id
        m.put("read.domParseFile", in -> DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                .parse(in.file("doc.xml")).getDocumentElement().getTextContent());
        m.put("read.schemaNewSchema", in -> {
            SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(in.file("schema.xsd"));
            return "schema compiled";
        });
        // java.xml: StreamSource(File) is a row, its sibling StreamSource(String systemId) is not
        m.put("read.streamSourceSystemId", in -> {
            DOMResult tree = new DOMResult();
            TransformerFactory.newDefaultInstance().newTransformer()
                    .transform(new StreamSource(in.file("doc.xml").toURI().toString()), tree);
            return ((Document) tree.getNode()).getDocumentElement().getTextContent();
        });
        // java.xml: an external entity in a document of the plugin's own data folder names the secret (XXE)
        m.put("read.xxeFileEntity", in -> parseOwnDocument(in, "<!DOCTYPE r [<!ENTITY s SYSTEM \""
                + in.file("secret.txt").toURI() + "\">]><r>&s;</r>"));
    }

    /** Writes {@code xml} into the data folder (allowed) and parses it: only what the document names is foreign. */
    static String parseOwnDocument(Inputs in, String xml) throws Exception {
        Path doc = in.data().resolve("own.xml");
        Files.writeString(doc, xml);
        return DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(doc.toFile())
                .getDocumentElement().getTextContent();
    }
}
