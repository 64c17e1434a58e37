package cn.bureau.subsidy.program;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Published programs by code, for the reads that come many a second: a quote each time an applicant pauses in
 * typing, and every filing of the last day's surge. Publishing writes a program once and nothing in the application
 * changes it afterwards, so a node keeps what it has read for {@link #MAX_AGE}; that bounds how long a correction
 * made directly in the database goes unseen. A code it does not know is looked up every time, so a program
 * published on another node is found at once.
 */
@Component
public class PublishedPrograms {

    static final Duration MAX_AGE = Duration.ofSeconds(10);
    /** Programs are a handful a year; past this many something is asking for codes that come and go. */
    private static final int MAX_KEPT = 1_000;

    private record Read(Program program, long atNanos) {
    }

    private final ProgramRepository programs;
    private final long maxAgeNanos;
    private final Map<String, Read> known = new ConcurrentHashMap<>();

    @Autowired
    PublishedPrograms(ProgramRepository programs) {
        this(programs, MAX_AGE);
    }

    PublishedPrograms(ProgramRepository programs, Duration maxAge) {
        this.programs = programs;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The program published under {@code code}, with its rates and decision choices; never to be changed. */
    public Optional<Program> byCode(String code) {
        long now = System.nanoTime();
        Read read = known.get(code);
        if (read != null && now - read.atNanos() < maxAgeNanos) {
            return Optional.of(read.program());
        }
        Optional<Program> program = programs.findByCode(code);
        program.ifPresentOrElse(found -> {
            if (known.size() >= MAX_KEPT) {
                known.clear();
            }
            known.put(code, new Read(found, now));
        }, () -> known.remove(code));
        return program;
    }
}
