package io.tastemaker.engine.recipe;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Reads and writes model artifacts. An artifact is big-endian binary:
 *
 * <pre>
 *   bytes   "TMKR"                  magic
 *   int     FORMAT_VERSION          layout of this envelope (currently 1)
 *   string  recipe name             selects the payload reader (an artifact key where one recipe
 *                                   has several payloads, such as IalsModel.ARTIFACT_KEY)
 *   int     payload version         layout of the recipe's payload, owned by the recipe
 *   ...     payload
 *   int     CRC-32 of every byte above
 * </pre>
 *
 * <p>A string is an {@code int} byte length followed by that many UTF-8 bytes (at most
 * {@value #MAX_STRING_BYTES}). {@link #read(InputStream)} consumes the stream to its end and accepts
 * exactly one artifact; any other input (wrong magic, unknown version or recipe, truncation,
 * trailing bytes, a checksum mismatch, a payload that breaks its model's invariants) is an
 * {@link IOException} whose message says what is wrong.
 *
 * <p>Adding a recipe: give its model a payload writer that calls
 * {@link #write(OutputStream, String, int, PayloadWriter)}, and register its payload reader in
 * {@link #READERS}. A payload reader must accept every payload version its recipe ever wrote.
 */
public final class ModelCodec {

    /** The envelope layout version written by this class. */
    public static final int FORMAT_VERSION = 1;

    /** The longest string, in UTF-8 bytes, an artifact may hold (ids are at most 256 characters). */
    public static final int MAX_STRING_BYTES = 1 << 16;

    private static final byte[] MAGIC = {'T', 'M', 'K', 'R'};
    private static final int BUFFER_BYTES = 1 << 16;

    /** Payload readers by recipe name. */
    private static final Map<String, PayloadReader> READERS = Map.of(
            PopularityCountRecipe.NAME, PopularityCountModel::readPayload,
            EaseRecipe.NAME, EaseModel::readPayload,
            SimsRecipe.NAME, NeighborListModel.reader(SimsRecipe.NAME, SimsRecipe.HyperParameters::parse,
                    SimsRecipe.NEIGHBORS_PER_ITEM),
            SimilarItemsRecipe.NAME, NeighborListModel.reader(SimilarItemsRecipe.NAME,
                    SimilarItemsRecipe.HyperParameters::parse, SimilarItemsRecipe.NEIGHBORS_PER_ITEM),
            SemanticSimilarityRecipe.NAME, NeighborListModel.reader(SemanticSimilarityRecipe.NAME,
                    SemanticSimilarityRecipe.HyperParameters::parse, SemanticSimilarityRecipe.NEIGHBORS_PER_ITEM),
            TrendingNowRecipe.NAME, TrendingNowModel::readPayload,
            IalsModel.ARTIFACT_KEY, IalsModel::readPayload,
            ContextualModel.ARTIFACT_KEY, ContextualModel::readPayload);

    private ModelCodec() {
    }

    /** Writes a recipe's payload, given a stream positioned after the envelope header. */
    @FunctionalInterface
    interface PayloadWriter {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads a recipe's payload of the given version into a model. */
    @FunctionalInterface
    interface PayloadReader {
        TrainedModel read(DataInputStream in, int payloadVersion) throws IOException;
    }

    /** The recipes whose artifacts {@link #read(InputStream)} understands. */
    public static Set<String> readableRecipes() {
        return READERS.keySet();
    }

    /**
     * Reads one artifact.
     *
     * @throws IOException if the stream fails or does not hold exactly one valid artifact
     */
    public static TrainedModel read(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER_BYTES);
        CRC32 crc = new CRC32();
        DataInputStream data = new DataInputStream(new CheckedInputStream(buffered, crc));
        String recipe = null;
        TrainedModel model;
        try {
            byte[] magic = new byte[MAGIC.length];
            data.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException("Not a Tastemaker model artifact: it does not start with \"TMKR\"");
            }
            int formatVersion = data.readInt();
            if (formatVersion != FORMAT_VERSION) {
                throw new IOException("Unsupported model artifact format version " + formatVersion
                        + "; this build reads version " + FORMAT_VERSION);
            }
            recipe = readString(data, "recipe name");
            PayloadReader reader = READERS.get(recipe);
            if (reader == null) {
                throw new IOException("Model artifact is for unknown recipe '" + recipe + "'; this build reads "
                        + String.join(", ", READERS.keySet()));
            }
            int payloadVersion = data.readInt();
            model = reader.read(data, payloadVersion);
            int expected = (int) crc.getValue();
            int stored = new DataInputStream(buffered).readInt();
            if (stored != expected) {
                throw new IOException("Corrupt " + recipe + " model artifact: checksum mismatch");
            }
        } catch (EOFException e) {
            throw new IOException("Truncated model artifact" + (recipe == null ? "" : " for recipe " + recipe), e);
        } catch (RuntimeException e) {
            throw new IOException("Corrupt " + (recipe == null ? "" : recipe + " ") + "model artifact: "
                    + e.getMessage(), e);
        }
        if (buffered.read() != -1) {
            throw new IOException("Corrupt " + recipe + " model artifact: unexpected bytes after the checksum");
        }
        return model;
    }

    /**
     * Writes an envelope around {@code payload}. Flushes but does not close {@code out}.
     */
    static void write(OutputStream out, String recipe, int payloadVersion, PayloadWriter payload) throws IOException {
        Objects.requireNonNull(out, "out");
        CRC32 crc = new CRC32();
        DataOutputStream data = new DataOutputStream(
                new BufferedOutputStream(new CheckedOutputStream(out, crc), BUFFER_BYTES));
        data.write(MAGIC);
        data.writeInt(FORMAT_VERSION);
        writeString(data, recipe);
        data.writeInt(payloadVersion);
        payload.write(data);
        data.flush();
        DataOutputStream trailer = new DataOutputStream(out);
        trailer.writeInt((int) crc.getValue());
        trailer.flush();
    }

    /** Writes {@code value} as an {@code int} byte length and UTF-8 bytes. */
    static void writeString(DataOutput out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_STRING_BYTES) {
            throw new IOException("String of " + bytes.length + " UTF-8 bytes exceeds the artifact limit of "
                    + MAX_STRING_BYTES);
        }
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Reads a string written by {@link #writeString(DataOutput, String)}; {@code what} names it in errors. */
    static String readString(DataInput in, String what) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw new IOException("Corrupt model artifact: " + what + " has length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Reads a non-negative count; {@code what} names it in errors. */
    static int readCount(DataInput in, String what) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("Corrupt model artifact: " + what + " is negative (" + count + ")");
        }
        return count;
    }
}
