package io.tastemaker.engine.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.engine.data.GeneratedLogs;
import io.tastemaker.engine.data.InteractionLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ModelCodecTest {

    private static final long SEED = 11L;

    private static UserModel trained() {
        InteractionLog log = GeneratedLogs.powerLaw(60, 40, 1.0, 12, SEED);
        return new PopularityCountRecipe().train(log, TrainingConfig.withSeed(SEED));
    }

    private static byte[] bytesOf(TrainedModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.writeTo(out);
        return out.toByteArray();
    }

    private static byte[] envelope(String recipe, int payloadVersion, ModelCodec.PayloadWriter payload)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelCodec.write(out, recipe, payloadVersion, payload);
        return out.toByteArray();
    }

    private static TrainedModel read(byte[] bytes) throws IOException {
        return ModelCodec.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void aWrittenModelReadsBackWithTheSameRecommendations() throws IOException {
        UserModel model = trained();

        UserModel copy = (UserModel) read(bytesOf(model));

        assertThat(copy.recipe()).isEqualTo(PopularityCountRecipe.NAME);
        assertThat(copy.recommend("user-3", 1_000)).isEqualTo(model.recommend("user-3", 1_000)).isNotEmpty();
        assertThat(copy.recommend("nobody", 5)).isEqualTo(model.recommend("nobody", 5));
    }

    @Test
    void anArtifactStartsWithItsHeaderAndIsDeterministic() throws IOException {
        byte[] bytes = bytesOf(trained());

        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("TMKR");
        assertThat(bytesOf(trained())).isEqualTo(bytes);
        assertThat(ModelCodec.readableRecipes()).contains(PopularityCountRecipe.NAME);
    }

    @Test
    void anEmptyModelRoundTrips() throws IOException {
        UserModel empty = new PopularityCountRecipe()
                .train(InteractionLog.builder().build(), TrainingConfig.withSeed(SEED));

        assertThat(((UserModel) read(bytesOf(empty))).recommend("u", 10)).isEmpty();
    }

    @Test
    void rejectsInputThatIsNotAnArtifact() {
        assertThatThrownBy(() -> read(new byte[0]))
                .isInstanceOf(IOException.class).hasMessageContaining("Truncated");
        assertThatThrownBy(() -> read("PK\u0003\u0004 a zip file".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IOException.class).hasMessageContaining("Not a Tastemaker model artifact");
    }

    @Test
    void rejectsAnUnknownFormatVersion() throws IOException {
        byte[] bytes = bytesOf(trained());
        bytes[7] = 2; // format version 1 -> 2 (big-endian int at offset 4)

        assertThatThrownBy(() -> read(bytes))
                .isInstanceOf(IOException.class).hasMessageContaining("format version 2");
    }

    @Test
    void rejectsAnUnknownRecipe() throws IOException {
        byte[] bytes = envelope("aws-hrnn", 1, out -> out.writeInt(0));

        assertThatThrownBy(() -> read(bytes))
                .isInstanceOf(IOException.class).hasMessageContaining("unknown recipe 'aws-hrnn'");
    }

    @Test
    void rejectsAnUnknownPayloadVersion() throws IOException {
        byte[] bytes = envelope(PopularityCountRecipe.NAME, 99, out -> out.writeInt(0));

        assertThatThrownBy(() -> read(bytes))
                .isInstanceOf(IOException.class).hasMessageContaining("payload version 99");
    }

    @Test
    void rejectsAPayloadThatBreaksTheModelsInvariants() throws IOException {
        byte[] bytes = envelope(PopularityCountRecipe.NAME, 1, out -> {
            out.writeInt(2);
            ModelCodec.writeString(out, "a");
            out.writeLong(1);
            ModelCodec.writeString(out, "b");
            out.writeLong(5);
        });

        assertThatThrownBy(() -> read(bytes))
                .isInstanceOf(IOException.class).hasMessageContaining("Corrupt").hasMessageContaining("popularity order");
    }

    @Test
    void rejectsEveryTruncation() throws IOException {
        byte[] bytes = bytesOf(trained());

        for (int length = 0; length < bytes.length; length++) {
            byte[] prefix = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> read(prefix)).as("prefix of %d bytes", length).isInstanceOf(IOException.class);
        }
    }

    @Test
    void rejectsEverySingleByteCorruption() throws IOException {
        byte[] bytes = bytesOf(trained());

        for (int i = 0; i < bytes.length; i++) {
            byte[] corrupt = bytes.clone();
            corrupt[i] ^= 0x10;
            assertThatThrownBy(() -> read(corrupt)).as("byte %d flipped", i).isInstanceOf(IOException.class);
        }
    }

    @Test
    void rejectsTrailingBytes() throws IOException {
        byte[] bytes = bytesOf(trained());
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);

        assertThatThrownBy(() -> read(longer))
                .isInstanceOf(IOException.class).hasMessageContaining("after the checksum");
    }
}
