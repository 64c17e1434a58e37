package cn.bureau.subsidy.program;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.QueryHint;

import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

public interface ProgramRepository extends JpaRepository<Program, UUID> {

    /**
     * Read at every filing, quote and deadline. Written out: Hibernate caches the SQL of a query text, while the
     * criteria query Spring Data derives from the method name is translated again at every call.
     */
    @Query("select p from Program p where p.code = ?1")
    Optional<Program> findByCode(String code);

    /**
     * The program, read without first flushing the transaction's pending changes. For reads inside engine
     * transactions that carry many cases (the plan's notice reaches a hundred cases in one, each with new deadlines):
     * flushing first would check every case loaded so far, at every deadline; the program's row is never among the
     * pending changes there.
     */
    @Query("select p from Program p where p.code = ?1")
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    Optional<Program> findByCodeWithoutFlush(String code);

    boolean existsByCode(String code);
}
