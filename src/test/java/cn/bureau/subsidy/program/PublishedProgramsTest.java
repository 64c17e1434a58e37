package cn.bureau.subsidy.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.bureau.subsidy.scenario.Fixtures;

/**
 * Quotes and filings read a published program from what the node has kept: a program published anywhere is found at
 * once, a program read is kept for the maximum age, and read again after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublishedProgramsTest {

    @Autowired
    PublishedPrograms published;
    @Autowired
    ProgramPublisher publisher;
    @Autowired
    ProgramRepository programs;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aProgramPublishedAMomentAgoIsFoundAtOnce() {
        String code = Fixtures.programCode();
        assertThat(published.byCode(code)).isEmpty();

        publisher.publish(Fixtures.program(code), Fixtures.MANAGER);

        assertThat(published.byCode(code)).get().extracting(Program::getCode).isEqualTo(code);
    }

    @Test
    void aProgramReadIsKeptForTheMaximumAgeThenReadAgain() {
        String code = publisher.publish(Fixtures.program(Fixtures.programCode()), Fixtures.MANAGER).getCode();
        PublishedPrograms keeping = new PublishedPrograms(programs, Duration.ofHours(1));
        PublishedPrograms expired = new PublishedPrograms(programs, Duration.ZERO);
        String title = keeping.byCode(code).orElseThrow().getTitle();
        assertThat(expired.byCode(code).orElseThrow().getTitle()).isEqualTo(title);
        // Nothing in the application changes a published program; a correction made in the database directly:
        jdbc.update("update program set title = 'Corrected' where code = ?", code);

        assertThat(keeping.byCode(code).orElseThrow().getTitle()).as("within the maximum age").isEqualTo(title);
        assertThat(expired.byCode(code).orElseThrow().getTitle()).as("past the maximum age").isEqualTo("Corrected");
    }
}
