package dev.dealdesk.audit;

import dev.dealdesk.json.JsonWriter;
import dev.dealdesk.json.StrictJson;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * The head file, {@code <log>.head} beside the real log file: the {@link LogHead} the writer last
 * put on storage. The writer forces a batch to the log before it writes the head, so the head never
 * claims more than the log holds; a log with fewer records than its head, or another record at the
 * head's count, lost records after they were written.
 *
 * <p>The file is 512 bytes: two slots of 256. A slot is blank (spaces and a line break) or one line
 * of canonical JSON, {@code {"check":"<CRC-32C>","hash":"sha256:...","records":n}}, padded with
 * spaces to 255 bytes and ended by a line break; {@code check} is the CRC-32C, in hex, of the same
 * object without {@code check}. The head is the valid slot with more records. The writer overwrites
 * the slot that does not hold the last head it forced, so a write torn by a power loss spoils at
 * most that slot, and the other still holds the head before it. The file is created whole (written
 * to a temporary file, forced and renamed into place) and never changes size, so a write of a slot
 * needs no new space and a force needs no metadata. Not thread-safe: the log's one writer thread
 * uses it.
 */
final class HeadFile implements AutoCloseable {

    static final int SLOT = 256;

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Set<String> MEMBERS = Set.of("check", "hash", "records");
    private static final Pattern HASH = Pattern.compile("sha256:[0-9a-f]{64}");

    private final FileChannel channel;
    private LogHead head;
    /** The slot that holds {@link #head}; the next write goes to the other. */
    private int slot;

    private HeadFile(FileChannel channel, LogHead head, int slot) {
        this.channel = channel;
        this.head = head;
        this.slot = slot;
    }

    /**
     * The head kept beside {@code log}, or empty when there is no head file (a log written before
     * heads were kept).
     *
     * @throws AuditFormatException when the file is not a head a writer wrote
     */
    static Optional<LogHead> read(Path log) throws IOException, AuditFormatException {
        try {
            return Optional.of(parse(Files.readAllBytes(LogFiles.head(log))).head());
        } catch (NoSuchFileException none) {
            return Optional.empty();
        }
    }

    /**
     * Whether one slot of the head file beside {@code log} holds something that is not a head: a
     * write torn by a crash, or an edit. The head is then the one before it, and records deleted
     * since it was written cannot be told from a crash.
     */
    static boolean hasSpoiledSlot(Path log) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(LogFiles.head(log));
        } catch (NoSuchFileException none) {
            return false;
        }
        if (bytes.length != 2 * SLOT) {
            return false; // Not a head file at all: reported as edited.
        }
        for (int offset = 0; offset < bytes.length; offset += SLOT) {
            if (!Arrays.equals(Arrays.copyOfRange(bytes, offset, offset + SLOT), blank()) && slot(bytes, offset) == null) {
                return true;
            }
        }
        return false;
    }

    /** Opens the head file beside {@code log} to write it, creating it with {@code initial} when there is none. */
    static HeadFile open(Path log, LogHead initial, Storage storage) throws IOException, AuditFormatException {
        Path file = LogFiles.head(log);
        if (!Files.exists(file)) {
            create(file, initial, storage);
        }
        Parsed parsed = parse(Files.readAllBytes(file));
        return new HeadFile(storage.open(file, StandardOpenOption.WRITE), parsed.head(), parsed.slot());
    }

    /** The head last put on storage. */
    LogHead head() {
        return head;
    }

    /** Writes {@code next} over the slot that does not hold the current head, and forces it. */
    void write(LogHead next) throws IOException {
        int target = 1 - slot;
        ByteBuffer bytes = ByteBuffer.wrap(slot(next));
        long position = (long) target * SLOT;
        while (bytes.hasRemaining()) {
            position += channel.write(bytes, position);
        }
        channel.force(false);
        head = next;
        slot = target;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static void create(Path file, LogHead initial, Storage storage) throws IOException {
        byte[] bytes = new byte[2 * SLOT];
        System.arraycopy(slot(initial), 0, bytes, 0, SLOT);
        System.arraycopy(blank(), 0, bytes, SLOT, SLOT);
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        try (FileChannel out = storage.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        LogFiles.forceDirectory(file.getParent());
    }

    /** A head file's head, and the slot that holds it. */
    private record Parsed(LogHead head, int slot) {
    }

    private static Parsed parse(byte[] bytes) throws AuditFormatException {
        if (bytes.length != 2 * SLOT) {
            throw new AuditFormatException("a head file is " + 2 * SLOT + " bytes, not " + bytes.length);
        }
        LogHead first = slot(bytes, 0);
        LogHead second = slot(bytes, SLOT);
        if (first == null && second == null) {
            throw new AuditFormatException("neither slot holds a head a writer wrote");
        }
        return second == null || (first != null && first.records() >= second.records())
                ? new Parsed(first, 0) : new Parsed(second, 1);
    }

    /** The head in the slot at {@code offset}, or {@code null} when it is blank or not whole (a torn write). */
    private static LogHead slot(byte[] bytes, int offset) {
        if (bytes[offset + SLOT - 1] != '\n') {
            return null;
        }
        int end = offset + SLOT - 1;
        while (end > offset && bytes[end - 1] == ' ') {
            end--;
        }
        if (end == offset) {
            return null;
        }
        byte[] line = Arrays.copyOfRange(bytes, offset, end);
        try {
            JsonValue value = StrictJson.parse(line);
            if (value.getValueType() != JsonValue.ValueType.OBJECT || !value.asJsonObject().keySet().equals(MEMBERS)) {
                return null;
            }
            JsonObject json = value.asJsonObject();
            JsonNumber records = json.getJsonNumber("records");
            if (!records.isIntegral() || records.longValueExact() < 0 || !HASH.matcher(json.getString("hash")).matches()) {
                return null;
            }
            LogHead head = new LogHead(records.longValueExact(), json.getString("hash"));
            return Arrays.equals(line, text(head).getBytes(StandardCharsets.UTF_8)) ? head : null;
        } catch (RuntimeException notAHead) {
            return null;
        }
    }

    private static byte[] slot(LogHead head) {
        byte[] text = text(head).getBytes(StandardCharsets.UTF_8);
        if (text.length > SLOT - 1) {
            throw new IllegalArgumentException("a head does not fit a slot: " + head);
        }
        byte[] slot = blank();
        System.arraycopy(text, 0, slot, 0, text.length);
        return slot;
    }

    private static byte[] blank() {
        byte[] slot = new byte[SLOT];
        Arrays.fill(slot, (byte) ' ');
        slot[SLOT - 1] = '\n';
        return slot;
    }

    private static String text(LogHead head) {
        JsonObject unchecked = JSON.createObjectBuilder().add("hash", head.hash()).add("records", head.records()).build();
        CRC32C crc = new CRC32C();
        crc.update(JsonWriter.canonicalBytes(unchecked));
        return JsonWriter.canonical(JSON.createObjectBuilder(unchecked)
                .add("check", HexFormat.of().toHexDigits((int) crc.getValue())).build());
    }
}
