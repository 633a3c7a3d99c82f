package hostile.unlisted;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.stream.FileCacheImageOutputStream;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;

/** File writes, creations and deletions done by JDK code in the test's folder (outside the data folder). */
final class FileWrites {
    private FileWrites() {
    }

    static void register(Map<String, Action> m) {
        // java.desktop: the WAVE writer opens a FileOutputStream
        m.put("write.audioSystemWrite", in -> {
            AudioFormat format = new AudioFormat(8000f, 8, 1, true, false);
            AudioInputStream silence = new AudioInputStream(new ByteArrayInputStream(new byte[800]), format, 800);
            return "bytes " + AudioSystem.write(silence, AudioFileFormat.Type.WAVE, in.file("out.wav"));
        });
        // java.desktop: the standard MIDI file writer opens a FileOutputStream
        m.put("write.midiSystemWrite", in -> {
            Sequence song = new Sequence(Sequence.PPQ, 384);
            song.createTrack().add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, 60, 93), 0));
            return "bytes " + MidiSystem.write(song, 0, in.file("out.mid"));
        });
        // java.desktop: RandomAccessFile(file, "rw") inside the stream
        m.put("write.fileImageOutputStream", in -> {
            try (FileImageOutputStream s = new FileImageOutputStream(in.file("out.img"))) {
                s.writeBytes("unlisted");
            }
            return "written";
        });
        // java.desktop: the same stream made by the ImageIO factory (its service provider catches every exception
        // and returns null: a denial cannot reach the plugin, only the missing file shows it)
        m.put("write.imageIoCreateOutputStream", in -> {
            ImageOutputStream s = ImageIO.createImageOutputStream(in.file("out2.img"));
            if (s == null) {
                return "no stream";
            }
            s.writeBytes("unlisted");
            s.close();
            return "written";
        });
        // java.xml: StreamResult(File) is a row, its sibling StreamResult(String systemId) is not; the transformer opens
        // a FileOutputStream for a file: system id
        m.put("write.streamResultSystemId", in -> {
            Document doc = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
            doc.appendChild(doc.createElement("unlisted"));
            TransformerFactory.newDefaultInstance().newTransformer()
                    .transform(new DOMSource(doc), new StreamResult(in.file("out.xml").toURI().toString()));
            return "written";
        });
        // java.desktop: a cache file created in the named folder and deleted again on close
        m.put("create.fileCacheImageOutputStream", in -> {
            try (FileCacheImageOutputStream s = new FileCacheImageOutputStream(new ByteArrayOutputStream(),
                    in.file("cache"))) {
                s.writeBytes("unlisted");
            }
            return "cached";
        });
    }
}
