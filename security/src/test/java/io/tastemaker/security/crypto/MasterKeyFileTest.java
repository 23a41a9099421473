package io.tastemaker.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MasterKeyFileTest {

    @TempDir
    Path directory;

    private Path keyFile() {
        return directory.resolve("master.key");
    }

    private Path writeKey(int length, String permissions) throws IOException {
        Path file = keyFile();
        Files.write(file, new byte[length]);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void creates_a_32_byte_key_readable_by_its_owner_only() throws IOException {
        byte[] key = MasterKeyFile.loadOrCreate(keyFile());

        assertThat(key).hasSize(32);
        assertThat(Files.readAllBytes(keyFile())).isEqualTo(key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile())))
                .isEqualTo("rw-------");
    }

    @Test
    void reads_the_same_key_on_later_uses() {
        byte[] first = MasterKeyFile.loadOrCreate(keyFile());
        byte[] second = MasterKeyFile.loadOrCreate(keyFile());

        assertThat(second).isEqualTo(first);
    }

    @Test
    void leaves_no_temporary_file_behind() throws IOException {
        MasterKeyFile.loadOrCreate(keyFile());

        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).containsExactly(keyFile());
        }
    }

    @Test
    void creates_missing_directories_for_their_owner_only() throws IOException {
        Path nested = directory.resolve("data/keys/master.key");

        assertThat(MasterKeyFile.loadOrCreate(nested)).hasSize(32);
        assertThat(PosixFilePermissions.toString(
                Files.getPosixFilePermissions(directory.resolve("data/keys"))))
                .isEqualTo("rwx------");
    }

    @Test
    void reads_an_existing_key_file() throws IOException {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 7);
        }
        Files.write(keyFile(), key);
        Files.setPosixFilePermissions(keyFile(), PosixFilePermissions.fromString("r--------"));

        assertThat(MasterKeyFile.loadOrCreate(keyFile())).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 16, 31, 33, 44})
    void refuses_a_file_of_the_wrong_length(int length) throws IOException {
        Path file = writeKey(length, "rw-------");

        assertThatThrownBy(() -> MasterKeyFile.loadOrCreate(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is " + length + " bytes long")
                .hasMessageContaining("exactly 32");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rw-r-----", "rw----r--", "rw-r--r--", "rw--w----", "rw------x"})
    void refuses_a_file_its_group_or_others_may_use(String mode) throws IOException {
        Path file = writeKey(32, mode);

        assertThatThrownBy(() -> MasterKeyFile.loadOrCreate(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has permissions " + mode)
                .hasMessageContaining("chmod 600 " + file);
    }

    @Test
    void refuses_a_directory_in_place_of_the_file() throws IOException {
        Files.createDirectory(keyFile());

        assertThatThrownBy(() -> MasterKeyFile.loadOrCreate(keyFile()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a regular file");
    }

    @Test
    void servers_starting_at_once_end_up_with_one_key() throws Exception {
        int servers = 4;
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(servers,
                task -> new Thread(task, "master-key-race-" + threads.incrementAndGet()));
        try {
            for (int round = 0; round < 25; round++) {
                Path file = directory.resolve("round-" + round).resolve("master.key");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<byte[]>> keys = new ArrayList<>();
                for (int s = 0; s < servers; s++) {
                    keys.add(pool.submit(() -> {
                        start.await();
                        return MasterKeyFile.loadOrCreate(file);
                    }));
                }
                start.countDown();
                byte[] first = keys.get(0).get(10, TimeUnit.SECONDS);
                for (Future<byte[]> key : keys) {
                    assertThat(key.get(10, TimeUnit.SECONDS)).as("round %d", round).isEqualTo(first);
                }
                assertThat(Files.readAllBytes(file)).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void decodes_a_key_given_in_base64() {
        byte[] key = new byte[32];
        key[0] = 1;
        key[31] = (byte) 0xFF;
        String encoded = Base64.getEncoder().encodeToString(key);

        assertThat(MasterKeyFile.fromBase64(encoded)).isEqualTo(key);
        assertThat(MasterKeyFile.fromBase64("  " + encoded + "\n")).isEqualTo(key);
    }

    @Test
    void refuses_a_base64_key_of_the_wrong_length_without_repeating_it() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> MasterKeyFile.fromBase64(short16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be 32 bytes")
                .hasMessageContaining("decodes to 16 bytes")
                .hasMessageNotContaining(short16);
    }

    @Test
    void refuses_text_that_is_not_base64_without_repeating_it() {
        String notBase64 = "this-is-not-base64!";

        assertThatThrownBy(() -> MasterKeyFile.fromBase64(notBase64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid standard base64")
                .hasMessageNotContaining(notBase64);
    }
}
