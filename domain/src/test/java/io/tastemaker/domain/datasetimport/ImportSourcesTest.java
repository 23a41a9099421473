package io.tastemaker.domain.datasetimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.domain.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportSourcesTest {

    @TempDir
    Path root;
    private Path mine;
    private Path theirs;

    @BeforeEach
    void files() throws IOException {
        mine = Files.createDirectories(root.resolve("imports/111111111111"));
        theirs = Files.createDirectories(root.resolve("imports/222222222222"));
        Files.writeString(mine.resolve("mine.csv"), "USER_ID\n", StandardCharsets.UTF_8);
        Files.writeString(theirs.resolve("theirs.csv"), "USER_ID\n", StandardCharsets.UTF_8);
    }

    private DataLocation confine(String value) {
        return ImportSources.confine(DataLocation.parse(value), mine, value);
    }

    @Test
    void anAccountReadsItsOwnFiles() {
        DataLocation location = confine(mine.resolve("mine.csv").toUri().toString());
        assertThat(location.isFile()).isTrue();
        assertThat(location.path()).isEqualTo(mine.resolve("mine.csv").toAbsolutePath().normalize());
    }

    @Test
    void anotherAccountsFileOrTheServersFilesAreOutside() {
        for (String value : new String[] {theirs.resolve("theirs.csv").toUri().toString(), "file:///etc/passwd",
                mine.toUri() + "../222222222222/theirs.csv", mine.toUri().toString(), root.toUri().toString()}) {
            assertThatThrownBy(() -> confine(value)).as(value).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("outside this account's import directory");
        }
    }

    @Test
    void theAnswerOutsideDoesNotTellWhetherTheFileExists() {
        String existing = theirs.resolve("theirs.csv").toUri().toString();
        String missing = theirs.resolve("nothing.csv").toUri().toString();
        String first = messageOf(existing).replace(existing, "<location>");
        String second = messageOf(missing).replace(missing, "<location>");
        assertThat(first).isEqualTo(second);
    }

    @Test
    void aSymbolicLinkOutOfTheDirectoryIsOutside() throws IOException {
        Path link = Files.createSymbolicLink(mine.resolve("link.csv"), theirs.resolve("theirs.csv"));
        assertThatThrownBy(() -> confine(link.toUri().toString())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("outside this account's import directory");
        Path dirLink = Files.createSymbolicLink(mine.resolve("elsewhere"), theirs);
        assertThatThrownBy(() -> confine(dirLink.resolve("theirs.csv").toUri().toString()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("outside");
    }

    @Test
    void aMissingFileOfTheAccountIsNotReadable() {
        assertThatThrownBy(() -> confine(mine.resolve("nothing.csv").toUri().toString()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a readable file");
    }

    @Test
    void urlsOfThisServerOrItsLinkLocalNetworkAreRefused() {
        for (String value : new String[] {"http://127.0.0.1:8080/ping", "http://127.1.2.3/x.csv", "http://[::1]/x.csv",
                "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/x.csv", "http://[fe80::1]/x.csv",
                "http://[::ffff:127.0.0.1]/x.csv"}) {
            assertThatThrownBy(() -> confine(value)).as(value).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("names this server or its link-local network");
        }
        assertThat(confine("https://93.184.215.14/data.csv").isFile()).isFalse();
    }

    @Test
    void malformedFileUrlsAreInvalidInput() {
        for (String value : new String[] {"file://host/share/x.csv", "file:relative.csv", "file:"}) {
            assertThatThrownBy(() -> DataLocation.parse(value)).as(value).isInstanceOf(InvalidInputException.class);
        }
    }

    private String messageOf(String value) {
        try {
            confine(value);
            throw new AssertionError(value + " was accepted");
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }
}
