package sandbox.itests;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * The real files the hostile.unlisted actions are pointed at, made by the test (trusted code) in a folder outside the
 * plugin's data folder, and the values a successful run returns ({@code $font}, {@code $midi}).
 */
final class UnlistedFixtures {
    static final String SECRET = "unlisted secret";

    private UnlistedFixtures() {
    }

    /** Fills {@code dir}; @return the computed proofs by name */
    static Map<String, String> make(Path dir) throws Exception {
        Files.writeString(dir.resolve("secret.txt"), SECRET);
        Files.writeString(dir.resolve("doc.xml"), "<r>unlisted document</r>");
        Files.writeString(dir.resolve("schema.xsd"), "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">"
                + "<xs:element name=\"r\" type=\"xs:string\"/></xs:schema>");
        Files.write(dir.resolve("sound.wav"), wave());
        ImageIO.write(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB), "png", dir.resolve("image.png").toFile());
        Files.createDirectory(dir.resolve("cache"));
        Path font = dir.resolve("font.ttf");
        Files.copy(systemFont(), font);
        ByteArrayOutputStream midi = new ByteArrayOutputStream();
        int midiBytes = MidiSystem.write(song(384), 0, midi);
        Files.write(dir.resolve("song.mid"), midi.toByteArray());
        return Map.of("$font", Font.createFont(Font.TRUETYPE_FONT, font.toFile()).getFontName(),
                "$midi", "bytes " + midiBytes);
    }

    /** @return 800 frames of 8 kHz 8-bit mono silence as a WAVE file (44 + 800 bytes) */
    static byte[] wave() throws IOException {
        AudioFormat format = new AudioFormat(8000f, 8, 1, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(new byte[800]), format, 800),
                AudioFileFormat.Type.WAVE, out);
        return out.toByteArray();
    }

    /** The same one-note song the plugin writes. */
    static Sequence song(int resolution) throws Exception {
        Sequence song = new Sequence(Sequence.PPQ, resolution);
        song.createTrack().add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, 60, 93), 0));
        return song;
    }

    /** @return a PKCS#11 module of the machine (p11-kit's), for SunPKCS11 to load */
    static Path pkcs11Module() {
        for (String candidate : new String[] {"/usr/lib/x86_64-linux-gnu/libp11-kit.so.0", "/usr/lib64/libp11-kit.so.0",
                "/usr/lib/libp11-kit.so.0", "/usr/lib/aarch64-linux-gnu/libp11-kit.so.0"}) {
            if (Files.isRegularFile(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("no libp11-kit.so.0: native.pkcs11Configure needs a PKCS#11 module to load");
    }

    /** @return a TrueType font of the machine (fonts of the OS, else of the JDK) */
    private static Path systemFont() throws IOException {
        for (Path root : new Path[] {Path.of("/usr/share/fonts"), Path.of(System.getProperty("java.home"), "lib", "fonts")}) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    Optional<Path> ttf = files.filter(p -> p.toString().endsWith(".ttf")).sorted().findFirst();
                    if (ttf.isPresent()) {
                        return ttf.get();
                    }
                }
            }
        }
        throw new IllegalStateException("no TrueType font under /usr/share/fonts or the JDK: read.fontCreateFont needs one");
    }
}
